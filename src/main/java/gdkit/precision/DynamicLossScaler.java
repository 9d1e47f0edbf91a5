package gdkit.precision;

import gdkit.util.Args;

/**
 * Dynamic loss scaling, as mixed-precision trainers do it (PyTorch's {@code GradScaler}): the loss
 * is multiplied by a scale {@code s} before the backward pass, so that small gradients stay above
 * the low-precision format's smallest value; the gradients are divided by {@code s} again (in the
 * float32 master copy) before the update. If any gradient came out infinite or NaN, the step is
 * skipped and the scale halved; after {@code growthInterval} good steps in a row it is doubled.
 *
 * <pre>
 * s = scaler.scale();
 * g = backward(s * loss)            // in low precision
 * if (scaler.unscale(g)) step(g)   // g /= s; false if g held inf or NaN: skip the step
 * scaler.update();
 * </pre>
 *
 * <table>
 *   <caption>Hyperparameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>range</th><th>PyTorch default</th></tr>
 *   <tr><td>initialScale</td><td>scale of the first step</td><td>&gt; 0</td><td>65536</td></tr>
 *   <tr><td>growthFactor</td><td>scale multiplier after a run of good steps</td><td>&gt; 1</td><td>2</td></tr>
 *   <tr><td>backoffFactor</td><td>scale multiplier after an overflow</td><td>(0, 1)</td><td>0.5</td></tr>
 *   <tr><td>growthInterval</td><td>good steps in a row before the scale grows</td><td>&ge; 1</td><td>2000</td></tr>
 * </table>
 *
 * <p>Same as PyTorch's {@code GradScaler}, except that the check and the division happen in one call
 * ({@link #unscale}) and the scaler is not tied to an optimizer. Not thread-safe; one per run.
 */
public final class DynamicLossScaler {
    private final double growthFactor;
    private final double backoffFactor;
    private final int growthInterval;
    private double scale;
    private int goodSteps;
    private boolean lastFinite = true;
    private int skipped;

    /** PyTorch's defaults: scale 65536, doubled after 2000 good steps, halved on overflow. */
    public DynamicLossScaler() {
        this(65536, 2.0, 0.5, 2000);
    }

    public DynamicLossScaler(double initialScale, double growthFactor, double backoffFactor, int growthInterval) {
        this.scale = Args.positive("initialScale", initialScale);
        if (!(growthFactor > 1) || Double.isInfinite(growthFactor)) {
            throw new IllegalArgumentException("growthFactor must be finite and > 1, got " + growthFactor);
        }
        if (!(backoffFactor > 0 && backoffFactor < 1)) {
            throw new IllegalArgumentException("backoffFactor must be in (0, 1), got " + backoffFactor);
        }
        if (growthInterval < 1) {
            throw new IllegalArgumentException("growthInterval must be at least 1, got " + growthInterval);
        }
        this.growthFactor = growthFactor;
        this.backoffFactor = backoffFactor;
        this.growthInterval = growthInterval;
    }

    /** The scale to multiply the loss by in this step. */
    public double scale() {
        return scale;
    }

    /**
     * Divides the gradient of the scaled loss by the scale, in place, and says whether every entry
     * is finite; if not, the gradient is left as it was and the step must be skipped.
     */
    public boolean unscale(double[] scaledGradient) {
        for (double v : scaledGradient) {
            if (!Double.isFinite(v)) {
                lastFinite = false;
                return false;
            }
        }
        for (int i = 0; i < scaledGradient.length; i++) {
            scaledGradient[i] /= scale;
        }
        lastFinite = true;
        return true;
    }

    /** Ends the step: halves the scale after an overflow, doubles it after {@code growthInterval} good steps. */
    public void update() {
        if (!lastFinite) {
            scale *= backoffFactor;
            goodSteps = 0;
            skipped++;
        } else if (++goodSteps == growthInterval) {
            scale *= growthFactor;
            goodSteps = 0;
        }
        lastFinite = true;
    }

    /** Steps skipped so far because their gradient overflowed. */
    public int skippedSteps() {
        return skipped;
    }

    @Override
    public String toString() {
        return "DynamicLossScaler(scale=" + scale + ", growth x" + growthFactor + " every " + growthInterval
                + " good steps, backoff x" + backoffFactor + ")";
    }
}
