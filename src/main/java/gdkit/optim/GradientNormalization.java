package gdkit.optim;

import java.util.Locale;

import gdkit.check.Args;
import gdkit.model.ParameterBlocks;

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
 * <p>The norm is computed with scaling by the largest element, so gradients whose squared
 * elements would overflow or underflow are still normalized correctly. A zero or non-finite
 * gradient is left unchanged. No allocation.
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
        double largest = largestMagnitude(gradient);
        if (largest == 0 || !Double.isFinite(largest)) {
            return;
        }
        // g / ||g|| = (g / largest) / ||g / largest||, and g / largest has elements in [-1, 1]
        double relative = 0;
        for (double v : gradient) {
            double r = v / largest;
            relative += r * r;
        }
        double s = norm / Math.sqrt(relative);
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = gradient[i] / largest * s;
        }
    }

    /** The largest absolute value of an element; NaN if an element is NaN. */
    private static double largestMagnitude(double[] v) {
        double largest = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
            largest = Math.max(largest, Math.abs(x));
        }
        return largest;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GradientNormalization(norm=%.3g)", norm);
    }
}
