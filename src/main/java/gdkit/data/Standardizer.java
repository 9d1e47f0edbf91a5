package gdkit.data;

import java.util.List;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;

/**
 * Rescales each feature to mean 0 and standard deviation 1. Fit it on the training set only, then
 * apply the same shift and scale to the training and the test set.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;
    private final List<String> names;

    private Standardizer(double[] mean, double[] std, List<String> names) {
        this.mean = mean;
        this.std = std;
        this.names = names;
    }

    /**
     * Learns each feature's mean and (population) standard deviation.
     *
     * @throws DataException if a feature is constant, since it cannot be scaled to unit variance,
     *                       or its values are so large (near 1e308) that its spread overflows
     */
    public static Standardizer fit(Dataset train) {
        Objects.requireNonNull(train, "train must not be null");
        int n = train.size();
        int d = train.features();
        double[] mean = new double[d];
        double[] std = new double[d];
        DMatrixRMaj x = train.x();
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x.unsafe_get(i, j);
            }
            mean[j] = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double c = x.unsafe_get(i, j) - mean[j];
                ss += c * c;
            }
            std[j] = Math.sqrt(ss / n);
            if (!Double.isFinite(mean[j]) || !Double.isFinite(std[j])) {
                scaledMoments(x, j, mean, std);
            }
            if (!Double.isFinite(mean[j]) || !Double.isFinite(std[j])) {
                throw new DataException("feature '" + train.featureNames().get(j) + "' has values too large to"
                        + " standardize (mean " + mean[j] + ", standard deviation " + std[j]
                        + " overflow the double range); rescale it first");
            }
            if (!(std[j] > 0)) {
                throw new DataException("feature '" + train.featureNames().get(j)
                        + "' is constant (standard deviation 0); drop it before standardizing");
            }
        }
        return new Standardizer(mean, std, train.featureNames());
    }

    /** Mean and standard deviation of column j computed on values divided by their largest magnitude. */
    private static void scaledMoments(DMatrixRMaj x, int j, double[] mean, double[] std) {
        int n = x.numRows;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(x.unsafe_get(i, j)));
        }
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += x.unsafe_get(i, j) / scale / n;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double c = x.unsafe_get(i, j) / scale - m;
            ss += c * c;
        }
        mean[j] = m * scale;
        std[j] = Math.sqrt(ss / n) * scale;
    }

    /** Returns a new data set with standardized features; targets are unchanged. */
    public Dataset apply(Dataset data) {
        Objects.requireNonNull(data, "data must not be null");
        if (data.features() != mean.length) {
            throw new DataException("standardizer was fit on " + mean.length + " features but the data set has "
                    + data.features());
        }
        if (!data.featureNames().equals(names)) {
            throw new DataException("standardizer was fit on features " + names + " but the data set has "
                    + data.featureNames() + " (each feature needs its own mean and standard deviation)");
        }
        DMatrixRMaj x = data.x().copy();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                double v = (x.unsafe_get(i, j) - mean[j]) / std[j];
                x.unsafe_set(i, j, Double.isFinite(v) ? v : x.unsafe_get(i, j) / std[j] - mean[j] / std[j]);
            }
        }
        return new Dataset(x, data.y().clone(), data.featureNames(), data.targetName());
    }

    /** The learned feature means (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The learned feature standard deviations (a copy). */
    public double[] std() {
        return std.clone();
    }
}
