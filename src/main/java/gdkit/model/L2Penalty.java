package gdkit.model;

import java.util.Locale;
import java.util.Objects;

import gdkit.util.Args;
import gdkit.util.Vec;

/**
 * An objective with an L2 penalty on every parameter ("ridge", "weight decay" in the loss):
 * <pre>
 *   L_lambda(theta) = L(theta) + (lambda / 2) ||theta||^2,    grad L_lambda = grad L + lambda * theta
 * </pre>
 * The factor 1/2 makes the gradient term exactly {@code lambda * theta}, so plain gradient descent
 * on {@code L_lambda} with rate {@code lr} shrinks the parameters by {@code (1 - lr * lambda)} per
 * step: the same update as decoupled weight decay {@code wd = lambda}. For adaptive optimizers
 * (Adam) the two differ, because the penalty's gradient is divided by the adaptive scale.
 *
 * <p>The penalty covers all parameters, biases included (as PyTorch's {@code weight_decay} does for
 * a parameter group). The wrapped objective's {@link #blocks()} are kept, so per-block monitoring
 * and clipping see the same layers. If the wrapped objective is a {@link SeparableObjective}, so is
 * the penalized one (the trainer can run mini-batches on it): each batch's loss is the batch mean
 * plus the whole penalty, an unbiased estimate of {@code L_lambda}.
 *
 * <pre>{@code
 * L2Penalty ridge = L2Penalty.of(new LinearRegression(data), 0.1);
 * Run run = Trainer.of(ridge, new GradientDescent(0.05)).steps(500).run(start);
 * }</pre>
 */
public class L2Penalty implements Objective {
    private final Objective objective;
    private final double lambda;

    private L2Penalty(Objective objective, double lambda) {
        this.objective = Objects.requireNonNull(objective, "objective must not be null");
        this.lambda = Args.nonNegative("lambda", lambda);
    }

    /**
     * {@code objective} plus {@code (lambda / 2) ||theta||^2}; a {@link SeparableObjective} if
     * {@code objective} is one.
     *
     * @param lambda penalty strength, finite and {@code >= 0} (0 adds nothing)
     * @throws IllegalArgumentException if {@code lambda} is negative or not finite
     */
    public static L2Penalty of(Objective objective, double lambda) {
        return objective instanceof SeparableObjective s ? new Separable(s, lambda) : new L2Penalty(objective, lambda);
    }

    /** The objective without the penalty. */
    public Objective objective() {
        return objective;
    }

    /** The penalty strength lambda. */
    public double lambda() {
        return lambda;
    }

    /** The penalty alone, {@code (lambda / 2) ||theta||^2}. */
    public double penalty(double[] params) {
        return 0.5 * lambda * Vec.sumOfSquares(params);
    }

    @Override
    public int dimension() {
        return objective.dimension();
    }

    @Override
    public double loss(double[] params) {
        return objective.loss(params) + penalty(params);
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        return objective.lossAndGradient(params, gradient) + addPenalty(params, gradient);
    }

    /** Adds {@code lambda * theta} to the gradient; returns the penalty. */
    final double addPenalty(double[] params, double[] gradient) {
        double s = 0;
        for (int i = 0; i < params.length; i++) {
            double v = params[i];
            s += v * v;
            gradient[i] += lambda * v;
        }
        return 0.5 * lambda * s;
    }

    @Override
    public ParameterBlocks blocks() {
        return objective.blocks();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "L2Penalty(lambda=%.3g, %s)", lambda, objective.getClass().getSimpleName());
    }

    /** The penalized form of a mean over examples: still a mean over examples plus a constant term. */
    private static final class Separable extends L2Penalty implements SeparableObjective {
        private final SeparableObjective separable;

        Separable(SeparableObjective objective, double lambda) {
            super(objective, lambda);
            this.separable = objective;
        }

        @Override
        public int examples() {
            return separable.examples();
        }

        @Override
        public double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient) {
            return separable.batchLossAndGradient(params, order, from, to, gradient) + addPenalty(params, gradient);
        }
    }
}
