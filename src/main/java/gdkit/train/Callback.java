package gdkit.train;

/**
 * Something the {@link Trainer} calls during a run, after ensmallen's callbacks and PyTorch's
 * hooks. Each step runs the same pipeline:
 * <ol>
 * <li>the loss and gradient are computed and recorded;</li>
 * <li>{@link #check}: stop conditions (divergence, tolerance, early stopping) see the raw
 * gradient; the first non-null {@link Stop} ends the run before the update;</li>
 * <li>{@link #onStepStart}: observers see the raw gradient (listeners, {@link LayerMonitor});</li>
 * <li>{@link #onGradient}: transforms rewrite the gradient in place (clipping, normalization);</li>
 * <li>the optimizer updates the parameters with the transformed gradient and the step's rate;</li>
 * <li>{@link #onStepEnd}: observers see the transformed gradient, the rate, the loss and the new
 * parameters;</li>
 * </ol>
 * and {@link #onEpochEnd} follows each epoch of mini-batch training. {@link #onRunStart} comes
 * first, once per run: a callback that records sizes its buffers and forgets the previous run
 * there. All methods do nothing by default; none may allocate per step in code meant to be fast.
 */
public interface Callback {
    /** Called once before the first step. */
    default void onRunStart(RunInfo run) {
    }

    /** A stop condition: a {@link Stop} ends the run at this step (before its update), null continues. */
    default Stop check(Step step) {
        return null;
    }

    /** Sees the raw gradient; must not change anything. */
    default void onStepStart(Step step) {
    }

    /** May rewrite {@code step.gradient()} in place, e.g. clip it. */
    default void onGradient(Step step) {
    }

    /** Sees the step after the update. */
    default void onStepEnd(Step step) {
    }

    /**
     * Called after each epoch of mini-batch training (not in full-batch training, where every
     * step is an epoch), including a last partial one.
     *
     * @param epoch  the 0-based epoch that ended
     * @param params the parameters after it; read only
     * @param loss   the loss of the whole objective at {@code params}
     */
    default void onEpochEnd(int epoch, double[] params, double loss) {
    }
}
