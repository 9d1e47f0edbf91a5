package gdkit.optim;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;

import gdkit.util.Args;

/**
 * The common learning-rate schedules, as multipliers of the optimizer's base rate (the trainer
 * uses {@code base * factor(step)} at 0-based step {@code step}). Each factor is finite and
 * {@code > 0} at every step, as {@link Optimizer#step(double[], double[], double)} requires.
 *
 * <pre>{@code
 * Trainer.of(model, new Adam(0.01)).steps(1000).schedule(Schedules.warmup(50, Schedules.cosine(1000)))
 * }</pre>
 *
 * <p>PyTorch equivalents: {@link #stepDecay} is {@code StepLR}, {@link #exponential} is
 * {@code ExponentialLR}, {@link #cosine} is {@code CosineAnnealingLR} over one half-period, and
 * {@link #warmup} is {@code LinearLR(start_factor=1/steps, total_iters=steps)} multiplied with
 * the other schedule. The {@code toString} of each schedule says what it is.
 */
public final class Schedules {
    private Schedules() {
    }

    /** A schedule with a readable {@code toString}, for legends and messages. */
    private record Named(String name, IntToDoubleFunction f) implements LearningRateSchedule {
        @Override
        public double factor(int step) {
            if (step < 0) {
                throw new IllegalArgumentException("step must be >= 0, got " + step);
            }
            return f.applyAsDouble(step);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Step decay: the rate is multiplied by {@code gamma} every {@code everySteps} steps,
     * {@code factor(t) = gamma^floor(t / everySteps)}.
     *
     * @param everySteps {@code >= 1}
     * @param gamma      in (0, 1]
     */
    public static LearningRateSchedule stepDecay(int everySteps, double gamma) {
        Args.atLeast("everySteps", everySteps, 1);
        Args.decayFactor("gamma", gamma);
        return new Named(String.format(Locale.ROOT, "step decay (x%.3g every %d steps)", gamma, everySteps),
                t -> floor(Math.pow(gamma, t / everySteps)));
    }

    /**
     * Exponential decay, {@code factor(t) = gamma^t}.
     *
     * @param gamma in (0, 1]
     */
    public static LearningRateSchedule exponential(double gamma) {
        Args.decayFactor("gamma", gamma);
        return new Named(String.format(Locale.ROOT, "exponential (x%.4g per step)", gamma),
                t -> floor(Math.pow(gamma, t)));
    }

    /**
     * Inverse-time ("1/t") decay, {@code factor(t) = 1 / (1 + t / halfLife)}: the rate halves
     * after {@code halfLife} steps and keeps falling like {@code 1/t}, the decay under which SGD
     * converges on noisy gradients.
     *
     * @param halfLife number of steps to half the rate, finite and {@code > 0}
     */
    public static LearningRateSchedule inverseTime(double halfLife) {
        Args.positive("halfLife", halfLife);
        return new Named(String.format(Locale.ROOT, "1/t (halves after %.3g steps)", halfLife),
                t -> 1 / (1 + t / halfLife));
    }

    /** Cosine decay from 1 towards 0 over {@code totalSteps}; see {@link #cosine(int, double)}. */
    public static LearningRateSchedule cosine(int totalSteps) {
        return cosine(totalSteps, 0);
    }

    /**
     * Cosine decay from 1 to {@code minFactor} over {@code totalSteps} steps:
     * {@code factor(t) = min + (1 - min) (1 + cos(pi t / totalSteps)) / 2}. Steps at and after
     * {@code totalSteps} keep the factor of step {@code totalSteps - 1}, so the factor stays
     * {@code > 0} even for {@code minFactor = 0} (a run of {@code totalSteps} steps never reaches
     * the end point, as with PyTorch's {@code CosineAnnealingLR}).
     *
     * @param totalSteps {@code >= 1}
     * @param minFactor  in [0, 1)
     */
    public static LearningRateSchedule cosine(int totalSteps, double minFactor) {
        Args.atLeast("totalSteps", totalSteps, 1);
        Args.halfOpenUnit("minFactor", minFactor);
        return new Named(String.format(Locale.ROOT, "cosine (%d steps)", totalSteps), t -> {
            int s = Math.min(t, totalSteps - 1);
            return floor(minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * s / totalSteps)));
        });
    }

    /** Linear warm-up to the constant rate; see {@link #warmup(int, LearningRateSchedule)}. */
    public static LearningRateSchedule warmup(int steps) {
        return warmup(steps, LearningRateSchedule.constant());
    }

    /**
     * Linear warm-up in front of any schedule: {@code factor(t) = min(1, (t + 1) / steps) *
     * then.factor(t)}. The rate starts at {@code 1/steps} of the other schedule's and reaches it
     * after {@code steps} steps; the other schedule sees the same step counter (it is multiplied,
     * not delayed), so {@code warmup(w, cosine(total))} still ends at step {@code total}.
     *
     * @param steps length of the warm-up, {@code >= 1}
     * @param then  the schedule to warm up into
     */
    public static LearningRateSchedule warmup(int steps, LearningRateSchedule then) {
        Args.atLeast("steps", steps, 1);
        if (then == null) {
            throw new IllegalArgumentException("then must be a schedule, got null");
        }
        String name = String.format(Locale.ROOT, "warm-up (%d steps)", steps);
        return new Named(then instanceof Named ? name + " then " + then : name,
                t -> Math.min(1.0, (t + 1) / (double) steps) * then.factor(t));
    }

    /** Keeps a decayed factor positive when {@code gamma^t} underflows after many steps. */
    private static double floor(double factor) {
        return Math.max(factor, Double.MIN_NORMAL);
    }
}
