package gdkit.model;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import gdkit.data.Dataset;
import gdkit.util.Args;

/**
 * Linear regression {@code f(x) = x . w + b} with the mean-squared-error loss
 * {@code L(w, b) = (1/n) sum_i (x_i . w + b - y_i)^2}.
 *
 * <p>The parameter vector is {@code [w_1, ..., w_d, b]}: weights first, bias last. The gradient is
 * {@code (2/n) sum_i r_i [x_i, 1]} with residual {@code r_i = x_i . w + b - y_i}; it is computed
 * in one pass over the rows with no allocation.
 *
 * <p>The full-batch gradient goes over the rows in chunks and adds the chunks' partial sums in chunk
 * order; for large data sets the chunks are shared among threads. The result does not depend on the
 * number of threads. The chunk sums live in the model, so one model must not compute two
 * full-batch gradients at the same time from different threads. For large data sets (8 or more
 * features, {@code n * d >= 2^20}), on a JVM
 * started with {@code --add-modules jdk.incubator.vector} (the kit's kernel is), the rows are
 * processed with the Vector API; sums are then added in another order, and results may differ from
 * the plain loop's in the last bits (relative 1e-15).
 */
public final class LinearRegression implements SeparableObjective, HasHessian {
    private final Dataset data;
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final RowChunks chunks;

    /** A model of {@code data} that uses every processor for the full-batch gradient of large data sets. */
    public LinearRegression(Dataset data) {
        this(data, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A model of {@code data} whose full-batch gradient uses up to {@code threads} threads (only
     * when {@code n * d >= 2^20}; smaller data sets stay on the calling thread). The gradient is the
     * same for every thread count.
     */
    public LinearRegression(Dataset data, int threads) {
        java.util.Objects.requireNonNull(data, "data must not be null");
        Args.atLeast("threads", threads, 1);
        this.data = data;
        this.x = data.x().data;
        this.y = data.y();
        this.n = data.size();
        this.d = data.features();
        this.chunks = new RowChunks(x, y, n, d, threads, RowKernel.best(n, d));
    }

    /** Number of threads the full-batch gradient runs on. */
    public int threads() {
        return chunks.threads();
    }

    /** The data this loss is computed on. */
    public Dataset data() {
        return data;
    }

    @Override
    public int dimension() {
        return d + 1;
    }

    @Override
    public ParameterBlocks blocks() {
        return ParameterBlocks.builder().add("w", d).add("b", 1).build();
    }

    @Override
    public int examples() {
        return n;
    }

    /** The model's prediction for example {@code i}. */
    private double predict(double[] params, int i) {
        double s = params[d];
        int row = i * d;
        for (int j = 0; j < d; j++) {
            s += x[row + j] * params[j];
        }
        return s;
    }

    /** Predictions for every example of the data set. */
    public double[] predict(double[] params) {
        requireDimension(params);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = predict(params, i);
        }
        return out;
    }

    @Override
    public double loss(double[] params) {
        requireDimension(params);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = predict(params, i) - y[i];
            s += r * r;
        }
        return s / n;
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        requireDimension(params);
        double s = chunks.sums(params, gradient);
        scale(gradient, 2.0 / n);
        return s / n;
    }

    @Override
    public double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient) {
        requireDimension(params);
        Arrays.fill(gradient, 0, d + 1, 0.0);
        double s = 0;
        for (int k = from; k < to; k++) {
            s += accumulate(params, order[k], gradient, 0);
        }
        int m = to - from;
        scale(gradient, 2.0 / m);
        return s / m;
    }

    /** Adds {@code r_i [x_i, 1]} to {@code out[at ... at + d]}; returns {@code r_i^2}. */
    private double accumulate(double[] params, int i, double[] out, int at) {
        int row = i * d;
        double r = params[d] - y[i];
        for (int j = 0; j < d; j++) {
            r += x[row + j] * params[j];
        }
        for (int j = 0; j < d; j++) {
            out[at + j] += r * x[row + j];
        }
        out[at + d] += r;
        return r * r;
    }

    private static void scale(double[] v, double factor) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
    }

    /** The design matrix {@code [X 1]}: the features with a column of ones for the bias. */
    public DMatrixRMaj designMatrix() {
        DMatrixRMaj a = new DMatrixRMaj(n, d + 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a.unsafe_set(i, j, x[i * d + j]);
            }
            a.unsafe_set(i, d, 1.0);
        }
        return a;
    }

    /**
     * The exact minimizer, by least squares on the design matrix (QR decomposition, EJML).
     *
     * <p>It exists only when the design matrix {@code [X 1]} has full column rank. A rank test
     * (QR with column pivoting, EJML) runs first: a feature that is constant (a multiple of the
     * bias column), a copy of another, or a linear combination of others makes the minimizer
     * non-unique, and least squares would return huge weights of opposite sign instead.
     *
     * @return {@code [w_1, ..., w_d, b]}
     * @throws IllegalStateException if there are fewer rows than parameters, or the design matrix
     *                               is rank-deficient (the message names a redundant feature)
     */
    public double[] closedForm() {
        if (n < d + 1) {
            throw new IllegalStateException("closedForm needs at least as many rows as parameters: "
                    + n + " rows for " + d + " weights + 1 bias = " + (d + 1) + " parameters");
        }
        DMatrixRMaj a = designMatrix();
        requireFullRank(a);
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, y.clone());
        DMatrixRMaj sol = new DMatrixRMaj(d + 1, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, d + 1);
        if (!solver.setA(a)) {
            throw new IllegalStateException("least squares failed: the design matrix is singular "
                    + "(a feature is constant or a copy of another)");
        }
        solver.solve(b, sol);
        return sol.data.clone();
    }

    /** Relative size of a pivoted R diagonal entry below which a column counts as dependent. */
    static final double RANK_TOLERANCE = 1e-10;

    private void requireFullRank(DMatrixRMaj a) {
        for (int j = 0; j < d; j++) {
            double first = x[j];
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = x[i * d + j] == first;
            }
            if (constant) {
                throw new IllegalStateException("feature '" + data.featureNames().get(j) + "' is constant (" + first
                        + " in every row), a multiple of the bias column, so the minimizer is not unique; drop it");
            }
        }
        QRPDecomposition_F64<DMatrixRMaj> qrp = DecompositionFactory_DDRM.qrp(n, d + 1);
        if (!qrp.decompose(a.copy())) {
            throw new IllegalStateException("the QR decomposition of the design matrix failed");
        }
        DMatrixRMaj r = qrp.getR(null, true);
        int[] pivots = qrp.getColPivots();
        double largest = Math.abs(r.get(0, 0));
        for (int k = 1; k <= d; k++) {
            double ratio = Math.abs(r.get(k, k)) / largest;
            if (!(ratio > RANK_TOLERANCE)) {
                int column = pivots[k];
                String which = column == d ? "the bias column" : "feature '" + data.featureNames().get(column) + "'";
                throw new IllegalStateException("the design matrix [X 1] is rank-deficient (rank " + k + " of "
                        + (d + 1) + "): " + which + " is a linear combination of the other columns"
                        + " (a constant feature, or a copy or sum of others; pivoted |R_kk|/|R_00| = "
                        + String.format(java.util.Locale.ROOT, "%.1e", ratio)
                        + "), so the minimizer is not unique; drop that feature");
            }
        }
    }

    /** The Hessian of the loss, {@code (2/n) [X 1]^T [X 1]}; constant because the loss is quadratic. */
    public DMatrixRMaj hessian() {
        DMatrixRMaj h = new DMatrixRMaj(d + 1, d + 1);
        hessian(new double[d + 1], h);
        return h;
    }

    /**
     * Writes the Hessian {@code (2/n) [X 1]^T [X 1]} into {@code out}; it does not depend on
     * {@code params} (the loss is quadratic) and is computed without building the design matrix.
     */
    @Override
    public void hessian(double[] params, DMatrixRMaj out) {
        requireDimension(params);
        out.reshape(d + 1, d + 1);
        out.zero();
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double xj = x[row + j];
                for (int k = j; k < d; k++) {
                    out.data[j * (d + 1) + k] += xj * x[row + k];
                }
                out.data[j * (d + 1) + d] += xj;
            }
        }
        out.data[d * (d + 1) + d] = n;
        double scale = 2.0 / n;
        for (int j = 0; j <= d; j++) {
            for (int k = j; k <= d; k++) {
                double v = out.data[j * (d + 1) + k] * scale;
                out.data[j * (d + 1) + k] = v;
                out.data[k * (d + 1) + j] = v;
            }
        }
    }

    private void requireDimension(double[] params) {
        if (params.length != d + 1) {
            throw new IllegalArgumentException("params has length " + params.length + " but this model has "
                    + d + " weights + 1 bias = " + (d + 1) + " parameters");
        }
    }
}
