package gdkit.optim;

import gdkit.model.ParameterBlocks;
import gdkit.util.Args;

/**
 * Common part of the three clipping rules ({@link ClipByValue}, {@link ClipByNorm},
 * {@link ClipByGlobalNorm}): a threshold, and a rule that rewrites a gradient in place.
 *
 * <p>A clipper is a pure rule: it keeps nothing between gradients, so one instance can serve any
 * number of runs, one after the other or at the same time. To see what clipping did at each step
 * (the norm before and after, the shrink factor, the share of elements changed, the cosine with
 * the raw gradient, per block), add a {@code gdkit.train.ClipRecorder} to the trainer.
 */
public abstract class GradientClipping implements GradientTransform {
    private final String thresholdName;
    private final double threshold;

    /**
     * @param thresholdName the parameter's name in error messages, e.g. {@code "maxNorm"}
     * @param threshold     finite and {@code > 0}
     * @throws IllegalArgumentException otherwise, naming the parameter and the allowed range
     */
    protected GradientClipping(String thresholdName, double threshold) {
        this.thresholdName = thresholdName;
        this.threshold = Args.positive(thresholdName, threshold);
    }

    /**
     * Clips {@code gradient} in place (no allocation).
     *
     * @throws IllegalArgumentException if the gradient's length differs from {@code blocks.dimension()}
     */
    @Override
    public final void apply(double[] gradient, ParameterBlocks blocks) {
        Args.length("gradient", gradient, blocks.dimension());
        clip(gradient, blocks);
    }

    /** Clips {@code gradient} in place; its length has been checked. */
    protected abstract void clip(double[] gradient, ParameterBlocks blocks);

    /** The clipping threshold. */
    public double threshold() {
        return threshold;
    }

    /** The threshold's parameter name, e.g. {@code "maxNorm"}. */
    public String thresholdName() {
        return thresholdName;
    }

    /** The describe-style summary, e.g. {@code "ClipByGlobalNorm(maxNorm=1)"}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s(%s=%.3g)", getClass().getSimpleName(), thresholdName, threshold);
    }
}
