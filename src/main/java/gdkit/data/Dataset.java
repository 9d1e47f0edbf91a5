package gdkit.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;

import gdkit.util.Seeds;
import gdkit.util.Vec;

/**
 * A numeric supervised data set: a feature matrix {@code x} (n rows, d columns, row-major) and a
 * target vector {@code y} of length n. Immutable by convention: methods that transform a data set
 * return a new one.
 */
public final class Dataset {
    private final DMatrixRMaj x;
    private final double[] y;
    private final List<String> featureNames;
    private final String targetName;

    /**
     * @param x            feature matrix, one example per row
     * @param y            targets, one per row of {@code x}
     * @param featureNames one name per column of {@code x}
     * @param targetName   name of the target
     * @throws DataException if the shapes disagree, the set is empty, or a value is not finite
     */
    public Dataset(DMatrixRMaj x, double[] y, List<String> featureNames, String targetName) {
        Objects.requireNonNull(x, "x must not be null");
        Objects.requireNonNull(y, "y must not be null");
        Objects.requireNonNull(featureNames, "featureNames must not be null");
        Objects.requireNonNull(targetName, "targetName must not be null");
        if (featureNames.stream().anyMatch(Objects::isNull)) {
            throw new DataException("featureNames must not contain null: " + featureNames);
        }
        if (new java.util.HashSet<>(featureNames).size() != featureNames.size()) {
            throw new DataException("feature names must be distinct, got " + featureNames);
        }
        if (x.numRows == 0) {
            throw new DataException("empty data set: it has no rows (expected at least 1 example)");
        }
        if (x.numRows != y.length) {
            throw new DataException("feature/target length mismatch: x has " + x.numRows
                    + " rows but y has " + y.length + " values (expected one target per row)");
        }
        if (featureNames.size() != x.numCols) {
            throw new DataException("x has " + x.numCols + " columns but " + featureNames.size()
                    + " feature names were given: " + featureNames);
        }
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                double v = x.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new DataException("feature '" + featureNames.get(j) + "' at row " + i
                            + " is " + v + " (expected a finite number)");
                }
            }
            if (!Double.isFinite(y[i])) {
                throw new DataException("target '" + targetName + "' at row " + i + " is " + y[i]
                        + " (expected a finite number)");
            }
        }
        this.x = x;
        this.y = y;
        this.featureNames = List.copyOf(featureNames);
        this.targetName = targetName;
    }

    /** A data set with one feature column. */
    public static Dataset ofColumn(double[] feature, double[] target, String featureName, String targetName) {
        Objects.requireNonNull(feature, "feature must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(featureName, "featureName must not be null");
        DMatrixRMaj x = new DMatrixRMaj(feature.length, 1, true, feature.clone());
        return new Dataset(x, target.clone(), List.of(featureName), targetName);
    }

    /** The feature matrix; shared, do not modify. */
    public DMatrixRMaj x() {
        return x;
    }

    /** The targets; shared, do not modify. */
    public double[] y() {
        return y;
    }

    /** Number of examples. */
    public int size() {
        return x.numRows;
    }

    /** Number of features. */
    public int features() {
        return x.numCols;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public String targetName() {
        return targetName;
    }

    /** A copy of feature column {@code j}. */
    public double[] column(int j) {
        if (j < 0 || j >= features()) {
            throw new IllegalArgumentException("column must be in [0, " + features() + ") (the features "
                    + featureNames + "), got " + j);
        }
        double[] c = new double[size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = x.unsafe_get(i, j);
        }
        return c;
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive) as a new data set. */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new DataException("row range [" + from + ", " + to + ") is not inside [0, " + size() + ")");
        }
        int d = features();
        DMatrixRMaj sub = new DMatrixRMaj(to - from, d);
        System.arraycopy(x.data, from * d, sub.data, 0, (to - from) * d);
        return new Dataset(sub, Arrays.copyOfRange(y, from, to), featureNames, targetName);
    }

    /**
     * The same examples in a random order (seeded), e.g. before splitting into training and test
     * rows with {@link #rows}.
     */
    public Dataset shuffled(long seed) {
        int n = size();
        int d = features();
        int[] order = Vec.identity(n);
        Vec.shuffle(order, Seeds.random(seed));
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x.data, order[i] * d, out.data, i * d, d);
            target[i] = y[order[i]];
        }
        return new Dataset(out, target, featureNames, targetName);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " rows, features " + featureNames + ", target '" + targetName + "')";
    }
}
