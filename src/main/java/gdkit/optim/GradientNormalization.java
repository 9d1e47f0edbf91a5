package gdkit.optim;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import gdkit.model.ParameterBlocks;
import gdkit.util.Args;
import gdkit.util.Vec;

/**
 * Gradient normalization: every gradient is rescaled to the same length,
 * {@code g <- norm * g / ||g||}, so each step of gradient descent has length exactly
 * {@code lr * norm} whatever the size of the gradient ("normalized gradient descent"). Only the
 * direction of the gradient is used.
 *
 * <p>Compare {@link ClipByGlobalNorm}: clipping shrinks only gradients longer than its threshold
 * and leaves small ones alone, so near a minimum it is plain gradient descent and converges;
 * normalization also <em>enlarges</em> small gradients, so with a constant learning rate it keeps
 * stepping {@code lr * norm} past the minimum and never settles (a decaying learning rate fixes
 * that). Far from a minimum, where gradients are large, the two give the same step.
 *
 * <p>The norm is computed with scaling by the largest element ({@link Vec#scaledNorm}), so
 * gradients whose squared elements would overflow or underflow are still normalized correctly. A
 * zero or non-finite gradient is left unchanged. Each call creates two small EJML views of the
 * array (no copy of the gradient).
 */
public final class GradientNormalization implements GradientTransform {
    private final double norm;

    /** Normalization to unit length ({@code norm = 1}). */
    public GradientNormalization() {
        this(1.0);
    }

    /**
     * @param norm the length every gradient is rescaled to, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public GradientNormalization(double norm) {
        this.norm = Args.positive("norm", norm);
    }

    /** The length every gradient is rescaled to. */
    public double norm() {
        return norm;
    }

    /**
     * Rescales {@code gradient} in place to length {@link #norm()}.
     *
     * @throws IllegalArgumentException if its length differs from {@code blocks.dimension()}
     */
    @Override
    public void apply(double[] gradient, ParameterBlocks blocks) {
        Args.length("gradient", gradient, blocks.dimension());
        double length = Vec.scaledNorm(gradient);
        if (length == 0 || !Double.isFinite(length)) {
            return;
        }
        // g / ||g|| = (g / largest) / (||g|| / largest): both quotients stay in range
        double largest = CommonOps_DDRM.elementMaxAbs(DMatrixRMaj.wrap(gradient.length, 1, gradient));
        double s = norm / (length / largest);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = gradient[i] / largest * s;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GradientNormalization(norm=%.3g)", norm);
    }
}
