package gdkit.optim;

import gdkit.util.Args;

/**
 * What every gdkit optimizer shares: the immutable base learning rate, the length check, and
 * state buffers allocated once, at the first step (sized for that parameter vector), zeroed by
 * {@link #reset} and never allocated again unless the parameter vector changes length.
 */
abstract class StatefulOptimizer implements Optimizer {
    private final double learningRate;
    private int size = -1;
    /** Number of updates applied since construction or the last {@link #reset}. */
    int steps;

    StatefulOptimizer(double learningRate) {
        this.learningRate = Args.positive("learningRate", learningRate);
    }

    @Override
    public final void step(double[] params, double[] gradient) {
        step(params, gradient, learningRate);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the lengths differ or {@code learningRate} is not finite and {@code > 0}
     */
    @Override
    public final void step(double[] params, double[] gradient, double learningRate) {
        if (params == null || gradient == null) {
            throw new IllegalArgumentException((params == null ? "params" : "gradient") + " must not be null");
        }
        Args.positive("learningRate", learningRate);
        if (gradient.length != params.length) {
            throw new IllegalArgumentException("gradient has length " + gradient.length + " but params has length "
                    + params.length);
        }
        if (params.length != size) {
            allocate(params.length);
            size = params.length;
            steps = 0;
        }
        steps++;
        update(params, gradient, learningRate);
    }

    /** Creates zeroed state buffers for {@code n} parameters. */
    abstract void allocate(int n);

    /** Zeroes the state buffers (they exist). */
    abstract void clear();

    /** Applies update number {@link #steps} (1-based) in place. */
    abstract void update(double[] params, double[] gradient, double rate);

    /** Whether state buffers exist, i.e. a step has been taken since construction. */
    final boolean hasState() {
        return size >= 0;
    }

    /** Requires {@code out} to have one entry per parameter once the state exists. */
    final void requireStateLength(double[] out) {
        if (hasState() && out.length != size) {
            throw new IllegalArgumentException("out has length " + out.length + " but the optimizer holds state for "
                    + size + " parameters");
        }
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void reset() {
        if (hasState()) {
            clear();
        }
        steps = 0;
    }

    /** Number of updates applied since construction or the last {@link #reset}. */
    public final int stepCount() {
        return steps;
    }

    @Override
    public String toString() {
        return describe();
    }
}
