package gdkit.util;

/**
 * Argument checks shared by the module. Each failure is an {@link IllegalArgumentException} whose
 * message names the parameter, the value given and the allowed range. This package sits at the
 * bottom of the module: it depends on nothing in gdkit, so every package may use it.
 */
public final class Args {
    private Args() {
    }

    /** Requires a finite value {@code > 0}, e.g. a learning rate or a clipping threshold. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** Requires a finite value {@code >= 0}, e.g. a weight-decay factor. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Requires a value in [0, 1), e.g. a momentum coefficient or an Adam beta. */
    public static double halfOpenUnit(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Requires a value in (0, 1), e.g. a line search's shrink factor. */
    public static double openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
        }
        return value;
    }

    /** Requires a value in (0, 1], e.g. a decay factor per step. */
    public static double decayFactor(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** Requires an integer {@code >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Requires an array of the expected length. */
    public static void length(String name, double[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null (expected length " + expected + ")");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has length " + array.length + ", expected " + expected);
        }
    }
}
