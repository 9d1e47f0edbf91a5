package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Clipping by value: every gradient element is clamped to {@code [-clipValue, clipValue]}, as
 * {@code np.clip(g, -c, c)} and PyTorch's {@code clip_grad_value_} do. Elements are clipped
 * independently, so when some are clipped and others not, the gradient's direction changes (see
 * {@link #lastCosine()}); the signs are always kept, so the result is still a descent direction.
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
    public ClipByValue record() {
        super.record();
        return this;
    }

    @Override
    protected void clip(double[] gradient, ParameterBlocks blocks) {
        double c = threshold();
        double before = 0;
        double after = 0;
        double dot = 0;
        int changed = 0;
        for (int i = 0; i < gradient.length; i++) {
            double v = gradient[i];
            double clipped = v;
            if (v > c) {
                clipped = c;
                changed++;
            } else if (v < -c) {
                clipped = -c;
                changed++;
            }
            gradient[i] = clipped;
            before += v * v;
            after += clipped * clipped;
            dot += v * clipped;
        }
        double cos = changed == 0 ? 1.0 : Math.min(1.0, dot / Math.sqrt(before * after));
        double normBefore = Math.sqrt(before);
        double normAfter = Math.sqrt(after);
        report(normBefore, normAfter, changed == 0 || before == 0 ? 1.0 : normAfter / normBefore,
                gradient.length == 0 ? 0 : (double) changed / gradient.length, cos);
    }
}
