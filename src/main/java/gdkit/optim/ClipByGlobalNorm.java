package gdkit.optim;

import gdkit.model.ParameterBlocks;
import gdkit.util.Vec;

/**
 * Clipping by global norm (Pascanu, Mikolov and Bengio, 2013): all blocks are treated as one
 * vector {@code g}, and every element is multiplied by the same factor
 * {@code min(1, maxNorm / (||g|| + 1e-6))}. The direction of the whole gradient is kept; only its
 * length is capped, so the step {@code lr * g} is never longer than {@code lr * maxNorm}.
 *
 * <p><b>Same as PyTorch's {@code clip_grad_norm_(params, max_norm)}</b> with the default
 * {@code norm_type=2}: the Euclidean norm over all parameters as if concatenated, the factor
 * {@code max_norm / (total_norm + 1e-6)} clamped to at most 1, one factor for every element, and the
 * norm before clipping is what a {@code gdkit.train.ClipRecorder} reports. Because of the
 * {@value #EPSILON} in the denominator the norm after clipping is slightly below {@code maxNorm},
 * and a gradient whose norm lies within {@value #EPSILON} below {@code maxNorm} is shrunk by a
 * factor within {@code 1e-6 / maxNorm} of 1; thresholds much smaller than 1e-6 clip far more than
 * asked, in gdkit as in PyTorch.
 *
 * <p><b>Differences:</b> only the 2-norm is offered; all arithmetic is in double precision;
 * {@code maxNorm} must be finite and {@code > 0} (PyTorch accepts any float); a gradient whose factor
 * is 1 is not touched (PyTorch multiplies it by 1.0: the same numbers); and a non-finite norm
 * leaves the gradient unchanged, where PyTorch with
 * {@code error_if_nonfinite=False} multiplies by NaN or 0 (the {@code Trainer} never gets there: it
 * stops the run as diverged before the transform).
 */
public final class ClipByGlobalNorm extends GradientClipping {
    /** The constant added to the norm in the denominator of the factor, as in PyTorch. */
    public static final double EPSILON = 1e-6;

    /**
     * @param maxNorm the largest allowed norm of the whole gradient, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public ClipByGlobalNorm(double maxNorm) {
        super("maxNorm", maxNorm);
    }

    /** The factor {@code min(1, maxNorm / (norm + 1e-6))} that clipping applies to a gradient of this norm. */
    static double factor(double maxNorm, double norm) {
        return Math.min(1.0, maxNorm / (norm + EPSILON));
    }

    @Override
    protected void clip(double[] gradient, ParameterBlocks blocks) {
        double norm = Vec.norm(gradient);
        if (!Double.isFinite(norm)) {
            return;
        }
        double s = factor(threshold(), norm);
        if (s < 1.0) {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= s;
            }
        }
    }
}
