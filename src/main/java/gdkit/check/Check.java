package gdkit.check;

import java.util.Locale;

/**
 * Claims a notebook makes, checked when it runs. A claim that holds prints one line starting with
 * a check mark; a claim that fails throws {@link ClaimFailed}, which fails the notebook run.
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

    /** Checks that {@code condition} holds; {@code claim} says in words what it means. */
    public static void check(boolean condition, String claim) {
        if (!condition) {
            throw new ClaimFailed("CLAIM FAILED: " + claim);
        }
        System.out.println("\u2714 " + claim);
    }

    /** Checks {@code |actual - expected| <= tolerance}. */
    public static void checkNear(double actual, double expected, double tolerance, String claim) {
        boolean ok = Math.abs(actual - expected) <= tolerance;
        String detail = String.format(Locale.ROOT, " (got %.6g, expected %.6g \u00b1 %.2g)", actual, expected, tolerance);
        if (!ok) {
            throw new ClaimFailed("CLAIM FAILED: " + claim + detail);
        }
        System.out.println("\u2714 " + claim + detail);
    }

    /** Checks {@code smaller < larger}. */
    public static void checkLess(double smaller, double larger, String claim) {
        String detail = String.format(Locale.ROOT, " (%.6g < %.6g)", smaller, larger);
        if (!(smaller < larger)) {
            throw new ClaimFailed("CLAIM FAILED: " + claim + detail.replace("<", "is not <"));
        }
        System.out.println("\u2714 " + claim + detail);
    }
}
