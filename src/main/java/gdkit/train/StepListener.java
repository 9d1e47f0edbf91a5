package gdkit.train;

/**
 * Called by the {@link Trainer} at every step, after the gradient is computed and before the
 * update, e.g. to record per-layer gradient norms. Must not modify its arguments.
 */
@FunctionalInterface
public interface StepListener {
    /**
     * @param step     the 0-based step index
     * @param params   the parameters at which the gradient was computed
     * @param gradient the raw gradient (before any clipping)
     * @param loss     the loss at {@code params} (of the mini-batch, in stochastic training)
     */
    void onStep(int step, double[] params, double[] gradient, double loss);
}
