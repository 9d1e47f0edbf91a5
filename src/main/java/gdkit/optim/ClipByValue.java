package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Clipping by value: every gradient element is clamped to {@code [-clipValue, clipValue]}, as
 * {@code np.clip(g, -c, c)} and PyTorch's {@code clip_grad_value_} do. Elements are clipped
 * independently, so when some are clipped and others not, the gradient's direction changes (a
 * {@code gdkit.train.ClipRecorder} shows the cosine); the signs are always kept, so the result is still a descent direction.
 *
 * <p>Differences from PyTorch: a threshold that is not finite and {@code > 0} is rejected (PyTorch
 * accepts any number); NaN elements stay NaN, as with {@code clamp}.
 */
public final class ClipByValue extends GradientClipping {
    /**
     * @param clipValue the largest allowed absolute value of an element, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public ClipByValue(double clipValue) {
        super("clipValue", clipValue);
    }

    @Override
    protected void clip(double[] gradient, ParameterBlocks blocks) {
        double c = threshold();
        for (int i = 0; i < gradient.length; i++) {
            if (gradient[i] > c) {
                gradient[i] = c;
            } else if (gradient[i] < -c) {
                gradient[i] = -c;
            }
        }
    }
}
