package gdkit.train;

import java.util.Locale;
import java.util.Random;

import gdkit.model.Objective;
import gdkit.model.ParameterBlocks;
import gdkit.model.SeparableObjective;
import gdkit.optim.GradientTransform;
import gdkit.optim.LearningRateSchedule;
import gdkit.optim.Optimizer;
import gdkit.util.Args;
import gdkit.util.Vec;

/**
 * The training loop: compute the loss and gradient, check for divergence, transform the gradient
 * (e.g. clip it), let the optimizer update the parameters, record everything.
 *
 * <pre>{@code
 * Run run = Trainer.of(model, new GradientDescent(0.1)).steps(200).run(new double[] {0, 0});
 * Run sgd = Trainer.of(model, new GradientDescent(0.05)).epochs(20).batchSize(10).seed(1).run(start);
 * }</pre>
 *
 * <p>Divergence is detected, not thrown: training stops at the first step whose loss or gradient
 * is NaN or infinite, or whose loss exceeds {@code blowUpFactor} times the initial loss, and the
 * returned {@link Run} says "diverged at step k". The loop allocates nothing per step.
 */
public final class Trainer {
    /** Parameter vectors up to this size are recorded by default. */
    private static final int RECORD_PARAMS_UP_TO = 64;

    private final Objective objective;
    private final Optimizer optimizer;
    private int steps = 100;
    private int epochs = -1;
    private int batchSize = -1;
    private long seed = 0;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private GradientTransform transform;
    private StepListener listener;
    private double blowUpFactor = 1e8;
    private double tolerance = 0;
    private Boolean recordParams;

    private Trainer(Objective objective, Optimizer optimizer) {
        this.objective = objective;
        this.optimizer = optimizer;
    }

    /** A trainer that minimizes {@code objective} with {@code optimizer}. */
    public static Trainer of(Objective objective, Optimizer optimizer) {
        return new Trainer(objective, optimizer);
    }

    /** Number of full-batch steps (default 100). */
    public Trainer steps(int steps) {
        this.steps = Args.atLeast("steps", steps, 1);
        this.epochs = -1;
        return this;
    }

    /** Number of passes over the data for mini-batch training; use with {@link #batchSize}. */
    public Trainer epochs(int epochs) {
        this.epochs = Args.atLeast("epochs", epochs, 1);
        return this;
    }

    /** Mini-batch size; examples are reshuffled every epoch with the trainer's seed. */
    public Trainer batchSize(int batchSize) {
        this.batchSize = Args.atLeast("batchSize", batchSize, 1);
        return this;
    }

    /** Seed for shuffling the examples (default 0). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Learning-rate schedule applied to the optimizer's initial rate (default constant). */
    public Trainer schedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** A transform applied to each gradient before the update, e.g. clipping. */
    public Trainer transform(GradientTransform transform) {
        this.transform = transform;
        return this;
    }

    /** Called at every step with the raw gradient, e.g. to monitor layers. */
    public Trainer listener(StepListener listener) {
        this.listener = listener;
        return this;
    }

    /** A loss larger than this factor times the initial loss counts as divergence (default 1e8). */
    public Trainer blowUpFactor(double factor) {
        this.blowUpFactor = Args.positive("blowUpFactor", factor);
        if (factor <= 1) {
            throw new IllegalArgumentException("blowUpFactor must be > 1, got " + factor);
        }
        return this;
    }

    /** Stop early once the gradient norm falls below {@code tolerance} (default 0: never). */
    public Trainer tolerance(double tolerance) {
        this.tolerance = Args.nonNegative("tolerance", tolerance);
        return this;
    }

    /** Whether to record the parameters after every step (default: if there are at most 64). */
    public Trainer recordParams(boolean record) {
        this.recordParams = record;
        return this;
    }

    /**
     * Trains from {@code start} (not modified) and returns how it went.
     *
     * @throws IllegalArgumentException if {@code start} has the wrong length or mini-batches are
     *                                  requested for an objective that is not a mean over examples
     */
    public Run run(double[] start) {
        int dim = objective.dimension();
        Args.length("start", start, dim);
        boolean stochastic = epochs > 0 || batchSize > 0;
        if (stochastic && !(objective instanceof SeparableObjective)) {
            throw new IllegalArgumentException("mini-batch training needs a SeparableObjective (a mean over examples); "
                    + objective.getClass().getSimpleName() + " is not one");
        }
        if (stochastic && epochs < 0) {
            throw new IllegalArgumentException("mini-batch training needs epochs(...) as well as batchSize(...)");
        }
        int n = stochastic ? ((SeparableObjective) objective).examples() : 1;
        int batch = stochastic ? Math.min(batchSize > 0 ? batchSize : n, n) : 1;
        int batchesPerEpoch = stochastic ? (n + batch - 1) / batch : 1;
        int totalSteps = stochastic ? epochs * batchesPerEpoch : steps;
        int epochCount = stochastic ? epochs : steps;
        boolean keepParams = recordParams != null ? recordParams : dim <= RECORD_PARAMS_UP_TO;

        double[] params = start.clone();
        double[] gradient = new double[dim];
        int[] order = stochastic ? Vec.identity(n) : null;
        Random rng = new Random(seed);
        ParameterBlocks blocks = objective.blocks();
        History history = new History(totalSteps, dim, keepParams, epochCount);
        double baseRate = optimizer.learningRate();
        optimizer.reset();
        history.recordParams(params);

        double initialLoss = objective.loss(params);
        history.recordEpochLoss(initialLoss);
        double reference = Math.max(Math.abs(initialLoss), Double.MIN_NORMAL);
        try {
            int step = 0;
            for (int epoch = 0; epoch < epochCount; epoch++) {
                if (stochastic) {
                    Vec.shuffle(order, rng);
                }
                for (int b = 0; b < batchesPerEpoch; b++, step++) {
                    double loss = stochastic
                            ? ((SeparableObjective) objective).batchLossAndGradient(params, order, b * batch,
                                    Math.min(n, (b + 1) * batch), gradient)
                            : objective.lossAndGradient(params, gradient);
                    double gradNorm = Vec.norm(gradient);
                    double rate = baseRate * schedule.factor(step);
                    history.recordStep(loss, gradNorm, rate);
                    if (!stochastic && step > 0) {
                        history.recordEpochLoss(loss);
                    }
                    String problem = divergence(loss, gradNorm, reference);
                    if (problem != null) {
                        return finish(Run.Status.DIVERGED, step, problem, params, objective.loss(params), history, baseRate);
                    }
                    if (gradNorm < tolerance) {
                        return finish(Run.Status.CONVERGED, step,
                                String.format(Locale.ROOT, "gradient norm %.3g < tolerance %.3g", gradNorm, tolerance),
                                params, objective.loss(params), history, baseRate);
                    }
                    if (listener != null) {
                        listener.onStep(step, params, gradient, loss);
                    }
                    if (transform != null) {
                        transform.apply(gradient, blocks);
                    }
                    optimizer.setLearningRate(rate);
                    optimizer.step(params, gradient);
                    history.recordParams(params);
                }
                if (stochastic) {
                    history.recordEpochLoss(objective.loss(params));
                }
            }
            double finalLoss = objective.loss(params);
            if (!stochastic) {
                history.recordEpochLoss(finalLoss);
            }
            String problem = divergence(finalLoss, 0, reference);
            if (problem != null) {
                return finish(Run.Status.DIVERGED, totalSteps, problem, params, finalLoss, history, baseRate);
            }
            return finish(Run.Status.FINISHED, totalSteps, "", params, finalLoss, history, baseRate);
        } finally {
            optimizer.setLearningRate(baseRate);
        }
    }

    /** The run's result, described with the optimizer's base learning rate (not the last scheduled one). */
    private Run finish(Run.Status status, int step, String reason, double[] params, double loss, History history,
            double baseRate) {
        optimizer.setLearningRate(baseRate);
        return new Run(status, step, reason, params, loss, history, optimizer.describe());
    }

    private String divergence(double loss, double gradNorm, double reference) {
        if (!Double.isFinite(loss)) {
            return "loss is " + loss;
        }
        if (!Double.isFinite(gradNorm)) {
            return "gradient norm is " + gradNorm;
        }
        if (loss > blowUpFactor * reference) {
            return String.format(Locale.ROOT, "loss %.3g is more than %.0e x the initial loss %.3g",
                    loss, blowUpFactor, reference);
        }
        return null;
    }
}
