package gdkit.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import gdkit.model.Objective;
import gdkit.model.ParameterBlocks;
import gdkit.model.SeparableObjective;
import gdkit.optim.GradientDescent;
import gdkit.optim.GradientTransform;
import gdkit.optim.LearningRateSchedule;
import gdkit.optim.Optimizer;
import gdkit.util.Args;
import gdkit.util.Seeds;
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
 * <p><b>What is iterated</b> is a {@link BatchPlan}: {@link #steps} alone gives full-batch steps;
 * {@link #batchSize} or {@link #epochs} give mini-batches, for {@link #epochs} epochs or
 * {@link #steps} steps, whichever was set last, reshuffled every epoch with {@link #seed}. The
 * order of the calls does not matter otherwise: {@code .batchSize(10).steps(100)} and
 * {@code .steps(100).batchSize(10)} are the same 100 mini-batch steps.
 *
 * <p><b>Each step</b> runs the {@link Callback} pipeline: the stop conditions (divergence, then the
 * {@link #tolerance}, then the callbacks' own), the {@link #listener}s on the raw gradient, the
 * {@link #transform}, the callbacks' {@link Callback#onGradient} in the order added, then the
 * update {@code optimizer.step(params, gradient, lr * schedule(t))}, then
 * {@link Callback#onStepEnd}. The learning rate is passed to the optimizer, never stored in it.
 *
 * <p>Divergence is detected, not thrown: training stops at the first step whose loss or gradient
 * is NaN or infinite, or whose loss exceeds {@code blowUpFactor} times the initial loss, and the
 * returned {@link Run} says "diverged at step k". The loop allocates nothing per step (its records
 * grow by doubling).
 *
 * <p><b>Threads.</b> A trainer is a mutable configuration: set it up on one thread. Each
 * {@link #run} starts from fresh optimizer state ({@link Optimizer#reset}). The optimizer, the
 * listeners, the callbacks and the objective hold one run's state (the objective its scratch
 * buffers), so a run refuses to start while any of them is still in another run (on another
 * thread, or started from a listener) and says so; give overlapping runs their own. A gradient
 * transform keeps no state and may be shared.
 */
public final class Trainer {
    /** Parameter vectors up to this size are recorded by default. */
    private static final int RECORD_PARAMS_UP_TO = 64;
    /** Optimizers, listeners, callbacks and objectives of the runs in progress, compared by identity. */
    private static final Set<Object> IN_USE = Collections.newSetFromMap(new IdentityHashMap<>());

    private final Objective objective;
    private final Optimizer optimizer;
    private int count = 100;
    private BatchPlan.Length length = BatchPlan.Length.STEPS;
    private int batchSize;
    private long seed = 0;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private GradientTransform transform;
    private final List<StepListener> listeners = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private double blowUpFactor = 1e8;
    private double tolerance = 0;
    private Boolean recordParams;

    private Trainer(Objective objective, Optimizer optimizer) {
        if (objective == null || optimizer == null) {
            throw new IllegalArgumentException("Trainer.of needs an objective and an optimizer, got "
                    + objective + " and " + optimizer);
        }
        this.objective = objective;
        this.optimizer = optimizer;
    }

    /** A trainer that minimizes {@code objective} with {@code optimizer}. */
    public static Trainer of(Objective objective, Optimizer optimizer) {
        java.util.Objects.requireNonNull(objective, "objective must not be null");
        java.util.Objects.requireNonNull(optimizer, "optimizer must not be null");
        return new Trainer(objective, optimizer);
    }

    /**
     * Number of steps (default 100): full-batch steps, or mini-batch steps if a
     * {@link #batchSize} is set. Replaces a number of {@link #epochs}.
     */
    public Trainer steps(int steps) {
        this.count = Args.atLeast("steps", steps, 1);
        this.length = BatchPlan.Length.STEPS;
        return this;
    }

    /**
     * Number of passes over the data for mini-batch training (the batch size defaults to the whole
     * data set). Replaces a number of {@link #steps}.
     */
    public Trainer epochs(int epochs) {
        this.count = Args.atLeast("epochs", epochs, 1);
        this.length = BatchPlan.Length.EPOCHS;
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

    /** Sets the whole batch plan at once (replacing steps, epochs, batch size and seed). */
    public Trainer plan(BatchPlan plan) {
        if (plan instanceof BatchPlan.MiniBatches m) {
            count = m.count();
            length = m.length();
            batchSize = m.batchSize();
            seed = m.seed();
        } else if (plan instanceof BatchPlan.FullBatch f) {
            count = f.steps();
            length = BatchPlan.Length.STEPS;
            batchSize = 0;
        } else {
            throw new IllegalArgumentException("plan must not be null");
        }
        return this;
    }

    /** The batch plan the calls so far describe. */
    public BatchPlan plan() {
        if (batchSize == 0 && length == BatchPlan.Length.STEPS) {
            return BatchPlan.fullBatch(count);
        }
        return new BatchPlan.MiniBatches(batchSize == 0 ? BatchPlan.WHOLE_DATA_SET : batchSize, count, length, seed);
    }

    /** Learning-rate schedule applied to the optimizer's base rate (default constant). */
    public Trainer schedule(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null; use LearningRateSchedule.constant()");
        }
        this.schedule = schedule;
        return this;
    }

    /**
     * The transform applied to each gradient before the update, e.g. clipping; replaces an earlier
     * one, and {@code null} means none. A transform keeps no state, so runs may share it; a
     * {@link ClipRecorder} added as a {@link #callback} records what it did.
     */
    public Trainer transform(GradientTransform transform) {
        this.transform = transform;
        return this;
    }

    /** Adds a listener called at every step with the raw gradient, e.g. to monitor layers. */
    public Trainer listener(StepListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
        return this;
    }

    /** Adds a callback (see {@link Callback} for when each of its methods is called). */
    public Trainer callback(Callback callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback must not be null");
        }
        callbacks.add(callback);
        return this;
    }

    /** A loss larger than this factor times the initial loss counts as divergence (default 1e8). */
    public Trainer blowUpFactor(double factor) {
        if (!(factor > 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("blowUpFactor must be a finite number > 1, got " + factor);
        }
        this.blowUpFactor = factor;
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
     * @throws IllegalArgumentException if {@code start} has the wrong length, mini-batches are
     *                                  requested for an objective that is not a mean over examples,
     *                                  the plan has more than {@code Integer.MAX_VALUE} steps,
     *                                  {@code start} holds a value that is not finite, or the
     *                                  schedule gives a factor that is not a finite number > 0
     * @throws IllegalStateException    if the optimizer, a listener, a callback or the objective is in another run
     */
    public Run run(double[] start) {
        int dim = objective.dimension();
        Args.length("start", start, dim);
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(start[i])) {
                throw new IllegalArgumentException("start[" + i + "] is " + start[i]
                        + " (expected a finite number; training from it would diverge at step 0)");
            }
        }
        Layout layout = Layout.of(plan(), objective);
        boolean keepParams = recordParams != null ? recordParams : dim <= RECORD_PARAMS_UP_TO;
        Divergence divergence = new Divergence(blowUpFactor);
        Callback[] pipeline = pipeline(divergence);
        List<Object> claimed = claim();
        try {
            return train(start.clone(), layout, new History(dim, keepParams), divergence, pipeline);
        } finally {
            release(claimed);
        }
    }

    private Run train(double[] params, Layout layout, History history, Divergence divergence, Callback[] pipeline) {
        double[] gradient = new double[params.length];
        ParameterBlocks blocks = objective.blocks();
        SeparableObjective separable = layout.miniBatches() ? (SeparableObjective) objective : null;
        int[] order = layout.miniBatches() ? Vec.identity(layout.examples()) : null;
        Random rng = Seeds.random(seed);
        double baseRate = optimizer.learningRate();
        optimizer.reset();
        history.recordParams(params);
        double initialLoss = objective.loss(params);
        history.recordEpochLoss(initialLoss);
        RunInfo info = new RunInfo(plan(), layout.totalSteps(), layout.epochs(), layout.stepsPerEpoch(), blocks,
                initialLoss);
        for (Callback c : pipeline) {
            c.onRunStart(info);
        }
        Step view = new Step(blocks, params, gradient);
        int step = 0;
        for (int epoch = 0; epoch < layout.epochs(); epoch++) {
            if (separable != null) {
                Vec.shuffle(order, rng);
            }
            for (int b = 0; b < layout.stepsPerEpoch() && step < layout.totalSteps(); b++, step++) {
                double loss = separable != null
                        ? separable.batchLossAndGradient(params, order, b * layout.batch(),
                                Math.min(layout.examples(), (b + 1) * layout.batch()), gradient)
                        : objective.lossAndGradient(params, gradient);
                double gradNorm = Vec.norm(gradient);
                double factor = schedule.factor(step);
                double rate = baseRate * factor;
                if (!(rate > 0) || !Double.isFinite(rate)) {
                    throw new IllegalArgumentException("the learning-rate schedule gave factor " + factor + " at step "
                            + step + " (rate " + rate + "); a schedule must give a finite factor > 0 at every step");
                }
                history.recordStep(loss, gradNorm, rate);
                if (separable == null && step > 0) {
                    history.recordEpochLoss(loss);
                }
                view.set(step, epoch, loss, gradNorm, rate);
                for (Callback c : pipeline) {
                    Stop stop = c.check(view);
                    if (stop != null) {
                        return finish(stop.status(), step, stop.reason(), params, objective.loss(params), history);
                    }
                }
                for (Callback c : pipeline) {
                    c.onStepStart(view);
                }
                for (Callback c : pipeline) {
                    c.onGradient(view);
                }
                optimizer.step(params, gradient, rate);
                history.recordParams(params);
                for (Callback c : pipeline) {
                    c.onStepEnd(view);
                }
            }
            if (separable != null) {
                double epochLoss = objective.loss(params);
                history.recordEpochLoss(epochLoss);
                for (Callback c : pipeline) {
                    c.onEpochEnd(epoch, params, epochLoss);
                }
            }
        }
        double finalLoss = objective.loss(params);
        if (separable == null) {
            history.recordEpochLoss(finalLoss);
        }
        String problem = divergence.problem(finalLoss, 0);
        if (problem != null) {
            return finish(Run.Status.DIVERGED, layout.totalSteps(), problem, params, finalLoss, history);
        }
        return finish(Run.Status.FINISHED, layout.totalSteps(), "", params, finalLoss, history);
    }

    /** Stop conditions first, then listeners, the transform, and the callbacks in the order added. */
    private Callback[] pipeline(Divergence divergence) {
        List<Callback> all = new ArrayList<>();
        all.add(divergence);
        if (tolerance > 0) {
            all.add(new Tolerance(tolerance));
        }
        all.addAll(listeners);
        if (transform != null) {
            all.add(new TransformStep(transform));
        }
        all.addAll(callbacks);
        return all.toArray(new Callback[0]);
    }

    private Run finish(Run.Status status, int step, String reason, double[] params, double loss, History history) {
        boolean plain = optimizer instanceof GradientDescent && transform == null && callbacks.isEmpty();
        return new Run(status, step, reason, params, loss, history, optimizer.describe(), plain);
    }

    /**
     * Marks the optimizer, listeners, callbacks and objective as in a run, or fails if one
     * already is: each holds the state of one run at a time (a model keeps its gradient buffers).
     */
    private List<Object> claim() {
        List<Object> parts = new ArrayList<>();
        parts.add(optimizer);
        parts.addAll(listeners);
        parts.addAll(callbacks);
        parts.add(objective);
        synchronized (IN_USE) {
            for (int i = 0; i < parts.size(); i++) {
                Object part = parts.get(i);
                if (!IN_USE.add(part)) {
                    IN_USE.removeAll(parts.subList(0, i));
                    String role = part == objective ? "model" : part == optimizer ? "optimizer"
                            : "listener";
                    throw new IllegalStateException(describe(part) + " is already training in another run (on another "
                            + "thread, or started from a listener of that run). It keeps the state of one run at a time: "
                            + "give each run its own " + role + ", e.g. a new " + part.getClass().getSimpleName()
                            + "(...) per run.");
                }
            }
        }
        return parts;
    }

    private static String describe(Object part) {
        return part instanceof Optimizer o ? o.describe() : part.toString();
    }

    private static void release(List<Object> parts) {
        synchronized (IN_USE) {
            IN_USE.removeAll(parts);
        }
    }

    /** The plan resolved against the objective: batch size, steps per epoch, epochs, total steps. */
    private record Layout(boolean miniBatches, int examples, int batch, int stepsPerEpoch, int epochs, int totalSteps) {
        static Layout of(BatchPlan plan, Objective objective) {
            if (plan instanceof BatchPlan.MiniBatches m) {
                return miniBatches(m, objective);
            }
            int steps = ((BatchPlan.FullBatch) plan).steps();
            return new Layout(false, 0, 0, 1, steps, steps);
        }

        private static Layout miniBatches(BatchPlan.MiniBatches m, Objective objective) {
            if (!(objective instanceof SeparableObjective separable)) {
                throw new IllegalArgumentException("mini-batch training needs a SeparableObjective (a mean over "
                        + "examples); " + objective.getClass().getSimpleName() + " is not one");
            }
            int n = separable.examples();
            int batch = Math.min(m.batchSize(), n);
            int perEpoch = (n + batch - 1) / batch;
            if (m.length() == BatchPlan.Length.STEPS) {
                return new Layout(true, n, batch, perEpoch, (m.count() + perEpoch - 1) / perEpoch, m.count());
            }
            long total = (long) m.count() * perEpoch;
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "epochs(%d) x %d batches per epoch (%d examples in batches of %d) = %d steps, more than "
                                + "the %d a run can take; use fewer epochs or larger batches",
                        m.count(), perEpoch, n, batch, total, Integer.MAX_VALUE));
            }
            return new Layout(true, n, batch, perEpoch, m.count(), (int) total);
        }
    }

    /** Stops the run when the loss or gradient is not finite or the loss blows up. */
    private static final class Divergence implements Callback {
        private final double blowUpFactor;
        private double reference;

        Divergence(double blowUpFactor) {
            this.blowUpFactor = blowUpFactor;
        }

        @Override
        public void onRunStart(RunInfo run) {
            reference = Math.max(Math.abs(run.initialLoss()), Double.MIN_NORMAL);
        }

        @Override
        public Stop check(Step step) {
            String problem = problem(step.loss(), step.gradientNorm());
            return problem == null ? null : Stop.diverged(problem);
        }

        String problem(double loss, double gradNorm) {
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

    /** Stops the run when the raw gradient norm falls below the tolerance. */
    private record Tolerance(double tolerance) implements Callback {
        @Override
        public Stop check(Step step) {
            return step.gradientNorm() < tolerance
                    ? Stop.converged(String.format(Locale.ROOT, "gradient norm %.3g < tolerance %.3g",
                            step.gradientNorm(), tolerance))
                    : null;
        }
    }

    /** A gradient transform as a callback: applied to every gradient. */
    private record TransformStep(GradientTransform transform) implements Callback {
        @Override
        public void onGradient(Step step) {
            transform.apply(step.gradient(), step.blocks());
        }
    }
}
