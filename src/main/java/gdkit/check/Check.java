package gdkit.check;

import java.util.Locale;

/**
 * Claims a notebook makes, checked when it runs. A claim that holds prints one line starting with
 * a check mark; a claim that fails throws {@link ClaimFailed}, which fails the notebook run.
 *
 * <p>The line has one form, which the report's claims page reads: {@code ✔ <claim>}, followed for
 * a check of numbers by two spaces and the numbers in brackets, {@code [measured <value>, expected
 * <value> ± <tolerance>]} or {@code [measured <a> < <b>]}. A failure reads {@code CLAIM FAILED:
 * <claim>} with the same bracket.
 *
 * <pre>{@code
 * check(run.diverged(), "a step just above 2/lambda_max diverges");
 * checkNear(w, 3.0, 0.1, "GD recovers the slope");
 * }</pre>
 */
public final class Check {
    private Check() {
    }

    /** Thrown when a notebook's claim is no longer true. */
    public static final class ClaimFailed extends AssertionError {
        public ClaimFailed(String message) {
            super(message);
        }
    }

    /** Marks the start of a claim that held. */
    public static final String HELD = "\u2714 ";
    /** Marks the start of a claim that failed (the message of {@link ClaimFailed}). */
    public static final String FAILED = "CLAIM FAILED: ";

    /** Checks that {@code condition} holds; {@code claim} says in words what it means. */
    public static void check(boolean condition, String claim) {
        if (!condition) {
            throw new ClaimFailed(FAILED + claim);
        }
        System.out.println(HELD + claim);
    }

    /** Checks {@code |actual - expected| <= tolerance}. */
    public static void checkNear(double actual, double expected, double tolerance, String claim) {
        boolean ok = Math.abs(actual - expected) <= tolerance;
        String numbers = String.format(Locale.ROOT, "measured %.6g, expected %.6g \u00b1 %.2g", actual, expected, tolerance);
        if (!ok) {
            throw new ClaimFailed(FAILED + claim + measured(numbers));
        }
        System.out.println(HELD + claim + measured(numbers));
    }

    /** Checks {@code smaller < larger}. */
    public static void checkLess(double smaller, double larger, String claim) {
        if (!(smaller < larger)) {
            throw new ClaimFailed(FAILED + claim
                    + measured(String.format(Locale.ROOT, "measured %.6g is not < %.6g", smaller, larger)));
        }
        System.out.println(HELD + claim + measured(String.format(Locale.ROOT, "measured %.6g < %.6g", smaller, larger)));
    }

    /** The numbers a claim measured, as they follow the claim on its line. */
    private static String measured(String numbers) {
        return "  [" + numbers + "]";
    }
}
