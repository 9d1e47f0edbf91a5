package gdkit.bench;

/**
 * Seeded benchmark data that the NumPy twin ({@code bench/numpy_twin.py}) reproduces bit for bit:
 * value k of stream {@code seed} is {@code 2 u - 1}, with {@code u} the top 53 bits of the
 * SplitMix64 hash of {@code (seed << 40) + k}. Both sides therefore compute on identical inputs,
 * and the runner compares their results.
 */
public final class BenchData {
    private BenchData() {
    }

    /** Value {@code k} of stream {@code seed}, uniform in [-1, 1). */
    static double uniform(long seed, long k) {
        long z = (seed << 40) + k + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return 2 * ((z >>> 11) * 0x1.0p-53) - 1;
    }

    /** {@code length} values of stream {@code seed}, times {@code scale}. */
    public static double[] uniform(long seed, int length, double scale) {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            out[k] = scale * uniform(seed, k);
        }
        return out;
    }
}
