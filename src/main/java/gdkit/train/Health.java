package gdkit.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * A diagnosis of a training run from what it recorded: how fast the loss and the gradient norm
 * grow or shrink per step, whether consecutive updates point the same way, and a
 * {@link Verdict}.
 *
 * <pre>{@code
 * Health h = Health.of(run);
 * h.verdict();              // e.g. EXPLODING
 * h.gradientGrowthRate();   // e.g. 1.52: the gradient norm is multiplied by 1.52 per step
 * h.summary();              // one line in words
 * }</pre>
 *
 * <p><b>How it decides.</b> Rates are {@code exp(slope)} of a least-squares line through the
 * logarithm of the loss (or gradient norm) against the step, fitted over the later half of the
 * finite steps (at least the last two), so a transient start does not blur them. The <em>alignment</em> is the mean
 * cosine between consecutive parameter updates over the same window (it needs the recorded
 * parameter trajectory, see {@link Trainer#recordParams}; otherwise it is NaN): near -1 the
 * parameters bounce back and forth, near +1 they keep moving the same way. Then, in this order:
 * <ol>
 * <li>{@link Verdict#DIVERGED} if the run diverged or a value is not finite;</li>
 * <li>if the fitted loss at least doubles over the window: {@link Verdict#ASCENDING} when the
 * updates are aligned (alignment {@code > 0.5}), else {@link Verdict#EXPLODING};</li>
 * <li>{@link Verdict#OSCILLATING} if the updates alternate (alignment {@code < -0.5}), or, when
 * the alignment is unknown, the loss goes up and down at 80 % or more of the steps;</li>
 * <li>{@link Verdict#VANISHING} if the loss has stalled (it never went more than 1 % below its
 * start) and a step can lower it by only a tiny fraction: the first-order decrease is below
 * {@code 1e-4} of the loss (median over the window). With a recorded parameter trajectory the
 * decrease is bounded by {@code |g| |delta theta|}, the gradient norm times the length of the
 * update actually taken, which holds for every optimizer. Without one it is taken as
 * {@code lr * |g|^2}, the decrease of a plain gradient step; for a {@link Run} whose steps were
 * not plain gradient steps (momentum, an adaptive optimizer such as Adam, clipping; see
 * {@link Run#plainGradientSteps()}) that estimate does not hold, so the test is skipped and the
 * summary says so: record the parameters ({@link Trainer#recordParams}) for those runs;</li>
 * <li>{@link Verdict#NO_BETTER_THAN_BASELINE} if a baseline loss was given (e.g. the loss of
 * predicting the mean target for every example, see {@link #of(Run, double)}) and the final loss
 * is not at least 5 % below it: the run may look calm, but it learned nothing a constant could
 * not;</li>
 * <li>{@link Verdict#HEALTHY} otherwise.</li>
 * </ol>
 */
public final class Health {
    /** What a run's record says about it. */
    public enum Verdict {
        /** The loss goes down (or has settled) without signs of trouble. */
        HEALTHY,
        /** The parameters bounce back and forth across a valley (or the loss zig-zags) without blowing up. */
        OSCILLATING,
        /** The loss grows exponentially while the updates overshoot (alternate in direction). */
        EXPLODING,
        /** The loss has stalled because the steps are too small to move it: the gradient has vanished. */
        VANISHING,
        /** Training blew up: the loss or gradient became non-finite or passed the trainer's blow-up factor. */
        DIVERGED,
        /**
         * The loss grows while consecutive updates point the same way: the update climbs the
         * gradient, as with a sign error ({@code theta += lr * g}). Looks like an explosion in the
         * loss curve, but happens at any learning rate.
         */
        ASCENDING,
        /**
         * Nothing looks wrong in the curves, but the final loss is no better (not 5 % lower) than
         * a baseline's, e.g. a model that predicts the mean target: the run learned nothing.
         */
        NO_BETTER_THAN_BASELINE
    }

    private static final double ALIGNED = 0.5;
    private static final double ZIGZAG = 0.8;
    private static final double STALL = 0.01;
    private static final double TINY_PROGRESS = 1e-4;
    /** A run must end at least this fraction below the baseline's loss to count as having learned something. */
    public static final double BASELINE_MARGIN = 0.05;

    private final Verdict verdict;
    private final int divergedAt;
    private final String divergence;
    private final double lossRate;
    private final double gradientRate;
    private final double alignment;
    private final int from;
    private final int to;
    private final String detail;

    private Health(Verdict verdict, int divergedAt, String divergence, double lossRate, double gradientRate,
            double alignment, int from, int to, String detail) {
        this.verdict = verdict;
        this.divergedAt = divergedAt;
        this.divergence = divergence;
        this.lossRate = lossRate;
        this.gradientRate = gradientRate;
        this.alignment = alignment;
        this.from = from;
        this.to = to;
        this.detail = detail;
    }

    /** Diagnoses a finished run (its history, and whether and where the trainer saw it diverge). */
    public static Health of(Run run) {
        java.util.Objects.requireNonNull(run, "run must not be null");
        History h = run.history();
        return analyse(h.loss(), h.gradientNorm(), h.learningRate(), h.hasParams() ? h.params() : null,
                run.divergedAt(), run.diverged() ? run.reason() : null, Double.NaN, Double.NaN,
                run.plainGradientSteps());
    }

    /**
     * Diagnoses a finished run and compares its final loss with {@code baselineLoss}, the loss of a
     * model that learned nothing (for a regression with the mean squared error: predicting the
     * mean target, whose loss is the target's variance). A run that is otherwise {@code HEALTHY}
     * but does not end at least {@link #BASELINE_MARGIN} below it is
     * {@link Verdict#NO_BETTER_THAN_BASELINE}.
     *
     * @throws IllegalArgumentException if {@code baselineLoss} is not finite
     */
    public static Health of(Run run, double baselineLoss) {
        if (!Double.isFinite(baselineLoss)) {
            throw new IllegalArgumentException("baselineLoss must be finite, got " + baselineLoss);
        }
        History h = run.history();
        if (run.diverged()) {
            return of(run);
        }
        return analyse(h.loss(), h.gradientNorm(), h.learningRate(), h.hasParams() ? h.params() : null,
                -1, null, baselineLoss, run.finalLoss(), run.plainGradientSteps());
    }

    /** Diagnoses a recorded history; it counts as diverged from its first non-finite value. */
    public static Health of(History history) {
        java.util.Objects.requireNonNull(history, "history must not be null");
        return analyse(history.loss(), history.gradientNorm(), history.learningRate(),
                history.hasParams() ? history.params() : null, -1, null, Double.NaN, Double.NaN, true);
    }

    /** Like {@link #of(History)}, comparing the last finite loss with {@code baselineLoss} as {@link #of(Run, double)} does. */
    public static Health of(History history, double baselineLoss) {
        if (!Double.isFinite(baselineLoss)) {
            throw new IllegalArgumentException("baselineLoss must be finite, got " + baselineLoss);
        }
        return analyse(history.loss(), history.gradientNorm(), history.learningRate(),
                history.hasParams() ? history.params() : null, -1, null, baselineLoss, Double.NaN, true);
    }

    /**
     * Diagnoses loss and gradient-norm series (one value per step) of plain gradient descent with
     * learning rate {@code learningRate}, e.g. ones computed in a notebook. Without a parameter
     * trajectory the alignment is unknown.
     */
    public static Health of(double[] loss, double[] gradientNorm, double learningRate) {
        java.util.Objects.requireNonNull(loss, "loss must not be null");
        java.util.Objects.requireNonNull(gradientNorm, "gradientNorm must not be null");
        gdkit.util.Args.positive("learningRate", learningRate);
        if (loss.length != gradientNorm.length) {
            throw new IllegalArgumentException("loss has " + loss.length + " values but gradientNorm has "
                    + gradientNorm.length + " (expected one of each per step)");
        }
        double[] rate = new double[loss.length];
        Arrays.fill(rate, learningRate);
        return analyse(loss.clone(), gradientNorm.clone(), rate, null, -1, null, Double.NaN, Double.NaN, true);
    }

    private static Health analyse(double[] loss, double[] grad, double[] rate, double[][] params,
            int divergedAt, String reason, double baseline, double finalLoss, boolean plainSteps) {
        int n = loss.length;
        if (n == 0) {
            throw new IllegalArgumentException("the history has no steps to diagnose");
        }
        int finite = 0;
        while (finite < n && Double.isFinite(loss[finite]) && Double.isFinite(grad[finite])) {
            finite++;
        }
        if (divergedAt < 0 && finite < n) {
            divergedAt = finite;
            reason = !Double.isFinite(loss[finite]) ? "loss is " + loss[finite] : "gradient norm is " + grad[finite];
        }
        int from = Math.min(finite / 2, Math.max(0, finite - 2));
        int to = finite;
        double lossRate = growthRate(loss, from, to);
        double gradRate = growthRate(grad, from, to);
        double alignment = params == null ? Double.NaN : alignment(params, from, to);
        if (divergedAt >= 0) {
            return new Health(Verdict.DIVERGED, divergedAt, reason, lossRate, gradRate, alignment, from, to, "");
        }
        if (to - from >= 2 && (to - from - 1) * Math.log(lossRate) >= Math.log(2)) {
            Verdict v = alignment > ALIGNED ? Verdict.ASCENDING : Verdict.EXPLODING;
            return new Health(v, -1, null, lossRate, gradRate, alignment, from, to, "");
        }
        double zigzag = zigzag(loss, from, to);
        if (alignment < -ALIGNED || (Double.isNaN(alignment) && to - from >= 6 && zigzag >= ZIGZAG)) {
            String d = Double.isNaN(alignment)
                    ? String.format(Locale.ROOT, "the loss changes direction at %.0f%% of the steps", 100 * zigzag)
                    : "";
            return new Health(Verdict.OSCILLATING, -1, null, lossRate, gradRate, alignment, from, to, d);
        }
        double drop = (loss[0] - min(loss, 0, to)) / Math.max(Math.abs(loss[0]), Double.MIN_NORMAL);
        boolean testable = params != null || plainSteps;
        String untested = testable ? "" : "VANISHING not tested: the steps were not plain gradient steps and the "
                + "parameters were not recorded (Trainer.recordParams)";
        double progress = !testable ? Double.NaN : params == null ? medianProgress(loss, grad, rate, from, to)
                : medianProgress(loss, grad, params, from, to);
        if (testable && drop < STALL && progress < TINY_PROGRESS && to >= 2) {
            String d = String.format(Locale.ROOT, "the loss is down only %.2g%% over %d steps and a step can lower "
                    + "it by about %.1e of its value%s", 100 * drop, to, progress,
                    params == null ? " (if each step is lr x gradient, as in plain gradient descent)" : "");
            return new Health(Verdict.VANISHING, -1, null, lossRate, gradRate, alignment, from, to, d);
        }
        double end = Double.isNaN(finalLoss) ? loss[to - 1] : finalLoss;
        if (!Double.isNaN(baseline) && end >= (1 - BASELINE_MARGIN) * baseline) {
            String d = end > baseline
                    ? String.format(Locale.ROOT, "final loss %.4g is not below the baseline's %.4g (%.3g times it)", end, baseline, end / baseline)
                    : String.format(Locale.ROOT, "final loss %.4g is only %.1f%% below the baseline's %.4g",
                            end, 100 * (1 - end / baseline), baseline);
            return new Health(Verdict.NO_BETTER_THAN_BASELINE, -1, null, lossRate, gradRate, alignment, from, to,
                    untested.isEmpty() ? d : d + "; " + untested);
        }
        return new Health(Verdict.HEALTHY, -1, null, lossRate, gradRate, alignment, from, to, untested);
    }

    /**
     * The growth factor per step of a series that grows or decays geometrically: {@code exp} of
     * the least-squares slope of {@code log|v[t]|} against {@code t}, for {@code t} in
     * {@code [from, to)}. 1.5 means "multiplied by 1.5 per step", 0.9 "shrinks by 10 % per step".
     * NaN if the range holds fewer than 2 points.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= v.length}
     */
    public static double growthRate(double[] v, int from, int to) {
        if (from < 0 || to > v.length || from > to) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + v.length + ", got from = " + from
                    + ", to = " + to);
        }
        int m = to - from;
        if (m < 2) {
            return Double.NaN;
        }
        double meanT = (from + to - 1) / 2.0;
        double meanY = 0;
        for (int t = from; t < to; t++) {
            meanY += log(v[t]);
        }
        meanY /= m;
        double sxy = 0;
        double sxx = 0;
        for (int t = from; t < to; t++) {
            sxy += (t - meanT) * (log(v[t]) - meanY);
            sxx += (t - meanT) * (t - meanT);
        }
        return Math.exp(sxy / sxx);
    }

    private static double log(double v) {
        return Math.log(Math.max(Math.abs(v), Double.MIN_NORMAL));
    }

    /** Mean cosine between update k and update k - 1 (update k = params[k + 1] - params[k]) for k in [from, to). */
    private static double alignment(double[][] params, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int k = Math.max(from, 1); k < Math.min(to, params.length - 1); k++) {
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int i = 0; i < params[k].length; i++) {
                double u = params[k + 1][i] - params[k][i];
                double w = params[k][i] - params[k - 1][i];
                dot += u * w;
                a += u * u;
                b += w * w;
            }
            double c = dot / Math.sqrt(a * b);
            if (Double.isFinite(c)) {
                sum += c;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Fraction of steps in the window where the loss changes direction (up then down, or down then up). */
    private static double zigzag(double[] loss, int from, int to) {
        int turns = 0;
        int count = 0;
        for (int t = from + 1; t < to - 1; t++) {
            double before = loss[t] - loss[t - 1];
            double after = loss[t + 1] - loss[t];
            count++;
            if (before * after < 0) {
                turns++;
            }
        }
        return count == 0 ? 0 : (double) turns / count;
    }

    private static double medianProgress(double[] loss, double[] grad, double[] rate, int from, int to) {
        double[] p = new double[to - from];
        for (int t = from; t < to; t++) {
            p[t - from] = rate[t] * grad[t] * grad[t] / Math.max(Math.abs(loss[t]), Double.MIN_NORMAL);
        }
        Arrays.sort(p);
        return p.length == 0 ? Double.NaN : p[p.length / 2];
    }

    /** Median over the window of |g_t| |theta_{t+1} - theta_t| / |loss_t|: a bound on a step's first-order decrease. */
    private static double medianProgress(double[] loss, double[] grad, double[][] params, int from, int to) {
        int last = Math.min(to, params.length - 1);
        if (last <= from) {
            return Double.NaN;
        }
        double[] p = new double[last - from];
        for (int t = from; t < last; t++) {
            double step = 0;
            for (int i = 0; i < params[t].length; i++) {
                double d = params[t + 1][i] - params[t][i];
                step += d * d;
            }
            p[t - from] = grad[t] * Math.sqrt(step) / Math.max(Math.abs(loss[t]), Double.MIN_NORMAL);
        }
        Arrays.sort(p);
        return p[p.length / 2];
    }

    private static double min(double[] v, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int t = from; t < to; t++) {
            m = Math.min(m, v[t]);
        }
        return m;
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean diverged() {
        return verdict == Verdict.DIVERGED;
    }

    /** The step at which training diverged, or -1. */
    public int divergedAt() {
        return divergedAt;
    }

    /** The factor by which the loss is multiplied per step (fit over the window); below 1 means it falls. */
    public double lossGrowthRate() {
        return lossRate;
    }

    /** The factor by which the gradient norm is multiplied per step (fit over the window). */
    public double gradientGrowthRate() {
        return gradientRate;
    }

    /** Mean cosine between consecutive updates over the window, in [-1, 1]; NaN without a parameter trajectory. */
    public double updateAlignment() {
        return alignment;
    }

    /** First step of the window the rates are fitted on. */
    public int windowStart() {
        return from;
    }

    /** One past the last step of the window. */
    public int windowEnd() {
        return to;
    }

    /** One line in words, e.g. {@code "EXPLODING: the loss grows x2.25 per step, ..."}. */
    public String summary() {
        String rates = Double.isNaN(lossRate) ? "too few finite steps to fit growth rates"
                : String.format(Locale.ROOT, "loss x%.3g per step, gradient norm x%.3g per step (fit over steps %d-%d)",
                        lossRate, gradientRate, from, to - 1);
        String align = Double.isNaN(alignment) ? ""
                : String.format(Locale.ROOT, "; consecutive updates: cosine %+.2f", alignment);
        return switch (verdict) {
            case DIVERGED -> "DIVERGED at step " + divergedAt + " (" + divergence + "); before that: " + rates + align;
            case EXPLODING -> "EXPLODING: " + rates + align
                    + (alignment < -ALIGNED ? " (the updates overshoot back and forth)" : "");
            case ASCENDING -> "ASCENDING: " + rates + align
                    + " (the updates keep climbing: is the sign of the update wrong?)";
            case OSCILLATING -> "OSCILLATING: " + rates + align + (detail.isEmpty() ? "" : "; " + detail)
                    + " (bouncing, but not growing)";
            case VANISHING -> "VANISHING: " + detail + "; " + rates;
            case NO_BETTER_THAN_BASELINE -> "NO_BETTER_THAN_BASELINE: " + detail + "; " + rates + align;
            case HEALTHY -> "HEALTHY: " + rates + align + (detail.isEmpty() ? "" : "; " + detail);
        };
    }

    @Override
    public String toString() {
        return summary();
    }
}
