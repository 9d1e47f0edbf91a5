package gdkit.optim;

import gdkit.model.ParameterBlocks;
import gdkit.util.Args;
import gdkit.util.DoubleSeries;

/**
 * Common part of the three clipping rules ({@link ClipByValue}, {@link ClipByNorm},
 * {@link ClipByGlobalNorm}): the threshold, what the last step did, and an optional per-step
 * record for plots.
 *
 * <p>After each {@link #apply} the clipper knows the Euclidean norm of the whole gradient before
 * and after clipping, the factor by which that norm shrank, the fraction of gradient elements that
 * clipping changed, and the cosine between the clipped and the raw gradient (1 means the direction
 * was kept). With {@link #record()} it also keeps these numbers for every step, in primitive arrays
 * that grow by doubling (no boxing, no allocation on most steps).
 *
 * <p>The clipping rule itself keeps nothing between gradients; the statistics are a record of
 * what it did. A {@code Trainer} run starts by {@link #reset() resetting} them, so a clipper reused
 * for a second run holds only the second run's records (copy the arrays first to keep both). Used
 * by hand, outside a trainer, a clipper counts every call until {@link #reset()}. One run at a time.
 */
public abstract class GradientClipping implements GradientTransform {
    private final String thresholdName;
    private final double threshold;
    private int steps;
    private int clippedSteps;
    private double normBefore = Double.NaN;
    private double normAfter = Double.NaN;
    private double scale = Double.NaN;
    private double fractionClipped = Double.NaN;
    private double cosine = Double.NaN;
    private boolean recording;
    private final DoubleSeries normsBefore = new DoubleSeries();
    private final DoubleSeries normsAfter = new DoubleSeries();
    private final DoubleSeries scales = new DoubleSeries();
    private final DoubleSeries fractions = new DoubleSeries();
    private final DoubleSeries cosines = new DoubleSeries();

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
     * Clips {@code gradient} in place and records what was done.
     *
     * @throws IllegalArgumentException if the gradient's length differs from {@code blocks.dimension()}
     */
    @Override
    public final void apply(double[] gradient, ParameterBlocks blocks) {
        Args.length("gradient", gradient, blocks.dimension());
        clip(gradient, blocks);
        steps++;
        if (fractionClipped > 0) {
            clippedSteps++;
        }
        if (recording) {
            normsBefore.add(normBefore);
            normsAfter.add(normAfter);
            scales.add(scale);
            fractions.add(fractionClipped);
            cosines.add(cosine);
        }
    }

    /**
     * Clips {@code gradient} in place (no allocation) and calls {@link #report} once with what it did.
     */
    protected abstract void clip(double[] gradient, ParameterBlocks blocks);

    /**
     * Called by {@link #clip} with the outcome of the step.
     *
     * @param before   norm of the whole gradient before clipping
     * @param after    norm of the whole gradient after clipping
     * @param factor   the factor by which the whole gradient's norm shrank (see {@link #lastScale()})
     * @param fraction fraction of the elements that clipping changed
     * @param cos      cosine between the clipped and the raw gradient
     */
    protected final void report(double before, double after, double factor, double fraction, double cos) {
        normBefore = before;
        normAfter = after;
        scale = factor;
        fractionClipped = fraction;
        cosine = cos;
    }

    /** Starts keeping a per-step record (see {@link #normsBefore()} and the others); returns this. */
    public GradientClipping record() {
        recording = true;
        return this;
    }

    /**
     * Forgets all statistics and records, as if no step had been clipped. The {@code Trainer} calls
     * it when a run starts, so after a run the clipper holds that run's records only.
     */
    @Override
    public void reset() {
        steps = 0;
        clippedSteps = 0;
        normBefore = normAfter = scale = fractionClipped = cosine = Double.NaN;
        normsBefore.clear();
        normsAfter.clear();
        scales.clear();
        fractions.clear();
        cosines.clear();
        resetBlocks();
    }

    /** Subclasses with per-block records clear them here. */
    void resetBlocks() {
        // no per-block state by default
    }

    /** The clipping threshold. */
    public double threshold() {
        return threshold;
    }

    /** The threshold's parameter name, e.g. {@code "maxNorm"}. */
    public String thresholdName() {
        return thresholdName;
    }

    /** Number of gradients this clipper has seen. */
    public int steps() {
        return steps;
    }

    /** Number of gradients that clipping changed. */
    public int clippedSteps() {
        return clippedSteps;
    }

    /** Norm of the whole gradient before the last clipping (NaN before the first step). */
    public double lastNormBefore() {
        return normBefore;
    }

    /** Norm of the whole gradient after the last clipping. */
    public double lastNormAfter() {
        return normAfter;
    }

    /**
     * The factor by which the last clipping shrank the whole gradient's norm,
     * {@code normAfter / normBefore} (1 if nothing was clipped or the gradient was zero, NaN if
     * its norm was not finite). For {@link ClipByGlobalNorm} it is the common factor applied to
     * every element.
     */
    public double lastScale() {
        return scale;
    }

    /**
     * Fraction of the gradient's elements that the last clipping changed, in [0, 1]. Rescaling
     * leaves zeros unchanged, so for a sparse gradient (a mini-batch of matrix factorization
     * touches few rows) this is at most the fraction of non-zero elements.
     */
    public double lastFractionClipped() {
        return fractionClipped;
    }

    /** Cosine between the last clipped gradient and the raw one: 1 if the direction was kept. */
    public double lastCosine() {
        return cosine;
    }

    /** Per-step norms before clipping (empty unless {@link #record()} was called). */
    public double[] normsBefore() {
        return normsBefore.toArray();
    }

    /** Per-step norms after clipping. */
    public double[] normsAfter() {
        return normsAfter.toArray();
    }

    /** Per-step norm shrink factors (see {@link #lastScale()}). */
    public double[] scales() {
        return scales.toArray();
    }

    /** Per-step fractions of clipped elements. */
    public double[] fractionsClipped() {
        return fractions.toArray();
    }

    /** Per-step cosines between clipped and raw gradient. */
    public double[] cosines() {
        return cosines.toArray();
    }

    /** Whether per-step records are kept. */
    boolean recording() {
        return recording;
    }

    /** The describe-style summary, e.g. {@code "ClipByGlobalNorm(maxNorm=1)"}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s(%s=%.3g)", getClass().getSimpleName(), thresholdName, threshold);
    }
}
