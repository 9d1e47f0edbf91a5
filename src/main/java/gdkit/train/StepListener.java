package gdkit.train;

/**
 * Called by the {@link Trainer} at every step, after the gradient is computed and before it is
 * transformed and applied, e.g. to record per-layer gradient norms: the {@link Callback} hook
 * {@link Callback#onStepStart} as a lambda. Must not modify its arguments.
 */
@FunctionalInterface
public interface StepListener extends Callback {
    /**
     * @param step     the 0-based step index
     * @param params   the parameters at which the gradient was computed
     * @param gradient the raw gradient (before any clipping)
     * @param loss     the loss at {@code params} (of the mini-batch, in stochastic training)
     */
    void onStep(int step, double[] params, double[] gradient, double loss);

    /** Calls {@link #onStep} with the step's raw gradient. */
    @Override
    default void onStepStart(Step step) {
        onStep(step.step(), step.params(), step.gradient(), step.loss());
    }
}
