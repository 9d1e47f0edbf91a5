package gdkit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import gdkit.util.Seeds;

/** Seeded synthetic data sets: the same seed always gives the same numbers. */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * The classic tutorial data {@code y = slope * x + intercept + noise}, with x uniform in
     * [0, 2) and Gaussian noise of standard deviation {@code noiseStd}.
     */
    public static Dataset line(int n, double slope, double intercept, double noiseStd, long seed) {
        requirePositive("n", n);
        requireFinite("slope", slope);
        requireFinite("intercept", intercept);
        requireNoise(noiseStd);
        Random rng = Seeds.random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rng.nextDouble();
            y[i] = slope * x[i] + intercept + noiseStd * rng.nextGaussian();
        }
        return Dataset.ofColumn(x, y, "x", "y");
    }

    /**
     * A linear-regression problem with {@code weights.length} features: feature j is standard
     * normal times {@code scales[j]}, and {@code y = x . weights + bias + noise}.
     */
    public static Dataset linear(int n, double[] weights, double bias, double[] scales, double noiseStd, long seed) {
        requirePositive("n", n);
        java.util.Objects.requireNonNull(weights, "weights must not be null");
        java.util.Objects.requireNonNull(scales, "scales must not be null");
        requireFinite("bias", bias);
        requireNoise(noiseStd);
        if (scales.length != weights.length) {
            throw new DataException("scales has " + scales.length + " entries but weights has "
                    + weights.length + " (expected one scale per feature)");
        }
        int d = weights.length;
        Random rng = Seeds.random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = bias;
            for (int j = 0; j < d; j++) {
                double v = scales[j] * rng.nextGaussian();
                x.unsafe_set(i, j, v);
                s += weights[j] * v;
            }
            y[i] = s + noiseStd * rng.nextGaussian();
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + (j + 1));
        }
        return new Dataset(x, y, names, "y");
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    private static void requireNoise(double noiseStd) {
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be a finite number >= 0, got " + noiseStd);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new DataException(name + " must be >= 1, got " + value);
        }
    }
}
