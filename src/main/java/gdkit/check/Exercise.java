package gdkit.check;

import java.util.Locale;

/**
 * Self-check cells for exercises: the learner types a number, the notebook compares it with the
 * answer it computed. Unlike {@link Check}, nothing here throws: an exercise left unanswered (NaN)
 * or answered wrongly must not fail the notebook, it only says so.
 *
 * <pre>{@code
 * double yourAnswer = Double.NaN;   // replace NaN with your value
 * Exercise.answer("Exercise 2: steps to reach 1e-6", yourAnswer, computedSteps, 2);
 * }</pre>
 */
public final class Exercise {
    private Exercise() {
    }

    /**
     * Prints whether {@code yours} is within {@code tolerance} of {@code expected}. NaN means "not
     * answered yet" (prints how to answer).
     *
     * @throws IllegalArgumentException if {@code tolerance} is negative or not finite (a bug in the notebook)
     */
    public static void answer(String question, double yours, double expected, double tolerance) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        if (Double.isNaN(yours)) {
            System.out.println("\u2610 " + question + ": not answered yet (replace Double.NaN with your value and re-run this cell)");
            return;
        }
        if (Math.abs(yours - expected) <= tolerance) {
            System.out.println(String.format(Locale.ROOT, "\u2714 %s: your %.6g is right (computed %.6g, tolerance %.2g)",
                    question, yours, expected, tolerance));
        } else {
            System.out.println(String.format(Locale.ROOT,
                    "\u2718 %s: your %.6g is not within %.2g of the computed answer; look at the hint and try again",
                    question, yours, tolerance));
        }
    }
}
