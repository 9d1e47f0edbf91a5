package gdkit.model;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
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
 * <p>The full-batch gradient goes over the rows in chunks of {@value #CHUNK_ROWS} and adds the
 * chunks' partial sums in chunk order; for large data sets the chunks are shared among threads.
 * The result does not depend on the number of threads. The chunk sums live in the model, so one
 * model must not compute two full-batch gradients at the same time from different threads.
 */
public final class LinearRegression implements SeparableObjective, HasHessian {
    /** Rows per chunk of the full-batch gradient. */
    static final int CHUNK_ROWS = 1 << 14;
    /** Data sets with fewer entries {@code n * d} than this are always done on the calling thread. */
    private static final long PARALLEL_MIN_ENTRIES = 1L << 20;

    private final Dataset data;
    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final int chunks;
    /** Per chunk: its gradient sums (d + 1 values) and its loss sum. */
    private final double[] partials;
    /** Thread t computes chunks [t * chunks / threads, (t + 1) * chunks / threads); worker 0 is the caller. */
    private final ChunkWorker[] workers;

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
        Args.atLeast("threads", threads, 1);
        this.data = data;
        this.x = data.x().data;
        this.y = data.y();
        this.n = data.size();
        this.d = data.features();
        this.chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        this.partials = new double[chunks * (d + 2)];
        int used = (long) n * d >= PARALLEL_MIN_ENTRIES ? Math.min(threads, chunks) : 1;
        this.workers = new ChunkWorker[used];
        for (int t = 0; t < used; t++) {
            workers[t] = new ChunkWorker(t * chunks / used, (t + 1) * chunks / used);
        }
    }

    /** Number of threads the full-batch gradient runs on. */
    public int threads() {
        return workers.length;
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
        for (int t = 1; t < workers.length; t++) {
            workers[t].start(params);
        }
        workers[0].run(params);
        for (int t = 1; t < workers.length; t++) {
            workers[t].join();
        }
        Arrays.fill(gradient, 0, d + 1, 0.0);
        double s = 0;
        for (int c = 0; c < chunks; c++) {
            int at = c * (d + 2);
            for (int j = 0; j <= d; j++) {
                gradient[j] += partials[at + j];
            }
            s += partials[at + d + 1];
        }
        scale(gradient, 2.0 / n);
        return s / n;
    }

    /** Computes the partial sums of a range of chunks; reused for every gradient (no allocation). */
    private final class ChunkWorker extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int firstChunk;
        private final int endChunk;
        private double[] params;

        ChunkWorker(int firstChunk, int endChunk) {
            this.firstChunk = firstChunk;
            this.endChunk = endChunk;
        }

        /** Runs this range on a pool thread. */
        void start(double[] p) {
            params = p;
            reinitialize();
            fork();
        }

        /** Runs this range on the calling thread. */
        void run(double[] p) {
            params = p;
            compute();
        }

        @Override
        protected void compute() {
            for (int c = firstChunk; c < endChunk; c++) {
                int at = c * (d + 2);
                Arrays.fill(partials, at, at + d + 2, 0.0);
                partials[at + d + 1] = accumulateRows(params, c * CHUNK_ROWS, Math.min(n, (c + 1) * CHUNK_ROWS),
                        partials, at);
            }
            params = null;
        }
    }

    /**
     * Adds {@code r_i [x_i, 1]} for rows {@code from <= i < to} to {@code out[at ... at + d]} and
     * returns the sum of {@code r_i^2}. Rows go in pairs: two independent dot products keep the
     * floating-point units busy, and each pair updates the sums once; the terms are still added row
     * after row, so a single chunk gives exactly the sums of a plain row-by-row loop.
     */
    private double accumulateRows(double[] params, int from, int to, double[] out, int at) {
        double bias = params[d];
        double s = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            int a = i * d;
            int b = a + d;
            double ra = bias - y[i];
            double rb = bias - y[i + 1];
            for (int j = 0; j < d; j++) {
                ra += x[a + j] * params[j];
                rb += x[b + j] * params[j];
            }
            for (int j = 0; j < d; j++) {
                out[at + j] = (out[at + j] + ra * x[a + j]) + rb * x[b + j];
            }
            out[at + d] = (out[at + d] + ra) + rb;
            s = (s + ra * ra) + rb * rb;
        }
        if (i < to) {
            s += accumulate(params, i, out, at);
        }
        return s;
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
     * @return {@code [w_1, ..., w_d, b]}
     */
    public double[] closedForm() {
        DMatrixRMaj a = designMatrix();
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

    /** The Hessian of the loss, {@code (2/n) [X 1]^T [X 1]}; constant because the loss is quadratic. */
    public DMatrixRMaj hessian() {
        DMatrixRMaj a = designMatrix();
        DMatrixRMaj h = new DMatrixRMaj(d + 1, d + 1);
        CommonOps_DDRM.multTransA(a, a, h);
        CommonOps_DDRM.scale(2.0 / n, h);
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
