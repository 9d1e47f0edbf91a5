package gdkit.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Rescales each feature to mean 0 and standard deviation 1. Fit it on the training set only, then
 * apply the same shift and scale to the training and the test set.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * Learns each feature's mean and (population) standard deviation.
     *
     * @throws DataException if a feature is constant, since it cannot be scaled to unit variance
     */
    public static Standardizer fit(Dataset train) {
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
            if (!(std[j] > 0)) {
                throw new DataException("feature '" + train.featureNames().get(j)
                        + "' is constant (standard deviation 0); drop it before standardizing");
            }
        }
        return new Standardizer(mean, std);
    }

    /** Returns a new data set with standardized features; targets are unchanged. */
    public Dataset apply(Dataset data) {
        if (data.features() != mean.length) {
            throw new DataException("standardizer was fit on " + mean.length + " features but the data set has "
                    + data.features());
        }
        DMatrixRMaj x = data.x().copy();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                x.unsafe_set(i, j, (x.unsafe_get(i, j) - mean[j]) / std[j]);
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
