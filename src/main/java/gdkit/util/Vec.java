package gdkit.util;

import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Operations on plain {@code double[]} vectors (a parameter vector, a gradient) and index
 * permutations, in the style of EJML's static ops: nothing is allocated except where a method
 * returns a new array ({@link #identity}). The module's norm, shuffle and permutation loops all
 * live here.
 */
public final class Vec {
    private Vec() {
    }

    /** {@code sum_i v_i^2}. */
    public static double sumOfSquares(double[] v) {
        return sumOfSquares(v, 0, v.length);
    }

    /** {@code sum_i v_i^2} over the entries {@code from} (inclusive) to {@code to} (exclusive). */
    public static double sumOfSquares(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    /**
     * The Euclidean norm {@code ||v||}, summed directly: it overflows to infinity when a squared
     * entry does (use {@link #scaledNorm} when that matters). The trainer reports this norm, so a
     * gradient whose squares overflow counts as diverged.
     */
    public static double norm(double[] v) {
        return Math.sqrt(sumOfSquares(v, 0, v.length));
    }

    /** The Euclidean norm of the entries {@code from} (inclusive) to {@code to} (exclusive). */
    public static double norm(double[] v, int from, int to) {
        return Math.sqrt(sumOfSquares(v, from, to));
    }

    /**
     * The Euclidean norm computed with scaling by the largest magnitude (EJML's
     * {@code NormOps_DDRM.normF}), so it is right even where the squares of the entries would
     * overflow or underflow. NaN if an entry is NaN.
     */
    public static double scaledNorm(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return Double.NaN;
            }
        }
        return NormOps_DDRM.normF(DMatrixRMaj.wrap(v.length, 1, v));
    }

    /**
     * The Euclidean distance {@code ||a - b||}, e.g. from the parameters to a known optimum.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double distance(double[] a, double[] b) {
        Args.length("b", b, a.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** A new array {@code 0, 1, ..., n - 1}. */
    public static int[] identity(int n) {
        int[] a = new int[Args.atLeast("n", n, 0)];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /**
     * Shuffles {@code a} in place (Fisher-Yates): every permutation is equally likely, and the
     * same generator state gives the same order.
     */
    public static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
