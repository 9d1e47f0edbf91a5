package gdkit.model;

import java.util.Arrays;
import java.util.concurrent.RecursiveAction;

/**
 * The full-batch linear-regression gradient over row chunks: the rows go in chunks of
 * {@value #CHUNK_ROWS}, each chunk's partial sums are kept, and the chunks are added in chunk order,
 * so the result does not depend on how many threads share the chunks. Reused for every gradient
 * (no allocation); one instance must not compute two gradients at the same time.
 */
final class RowChunks {
    /** Rows per chunk. */
    static final int CHUNK_ROWS = 1 << 14;
    /**
     * Entries {@code n * d} from which a data set counts as large: its chunks are shared among
     * threads, and it may use the Vector API kernel ({@link VectorSupport#worthIt}).
     */
    static final long LARGE_ENTRIES = 1L << 20;

    private final double[] x;
    private final double[] y;
    private final int n;
    private final int d;
    private final int chunks;
    private final RowKernel kernel;
    /** Per chunk: its gradient sums (d + 1 values) and its loss sum. */
    private final double[] partials;
    /** Thread t computes chunks [t * chunks / threads, (t + 1) * chunks / threads); worker 0 is the caller. */
    private final Worker[] workers;

    RowChunks(double[] x, double[] y, int n, int d, int threads, RowKernel kernel) {
        this.x = x;
        this.y = y;
        this.n = n;
        this.d = d;
        this.kernel = kernel;
        this.chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        this.partials = new double[chunks * (d + 2)];
        int used = (long) n * d >= LARGE_ENTRIES ? Math.min(threads, chunks) : 1;
        this.workers = new Worker[used];
        for (int t = 0; t < used; t++) {
            workers[t] = new Worker(t * chunks / used, (t + 1) * chunks / used);
        }
    }

    int threads() {
        return workers.length;
    }

    /** Writes {@code sum_i r_i [x_i, 1]} into {@code gradient} and returns {@code sum_i r_i^2}. */
    double sums(double[] params, double[] gradient) {
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
        return s;
    }

    /** Computes the partial sums of a range of chunks. */
    private final class Worker extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int firstChunk;
        private final int endChunk;
        private double[] params;

        Worker(int firstChunk, int endChunk) {
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
                partials[at + d + 1] = kernel.accumulateRows(x, y, d, params, c * CHUNK_ROWS,
                        Math.min(n, (c + 1) * CHUNK_ROWS), partials, at);
            }
            params = null;
        }
    }
}
