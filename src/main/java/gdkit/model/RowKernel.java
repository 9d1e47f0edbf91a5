package gdkit.model;

/**
 * The inner loop of the linear-regression gradient: for rows {@code from <= i < to} adds
 * {@code r_i [x_i, 1]} to {@code out[at ... at + d]} and returns the sum of {@code r_i^2}, where
 * {@code r_i = x_i . w + b - y_i}. Two implementations: a plain loop, and one on the Vector API
 * that is used when the JVM has the {@code jdk.incubator.vector} module.
 */
interface RowKernel {
    double accumulateRows(double[] x, double[] y, int d, double[] params, int from, int to, double[] out, int at);

    /** The fastest kernel this JVM offers for {@code n} rows of {@code d} features. */
    static RowKernel best(int n, int d) {
        return VectorSupport.AVAILABLE && VectorSupport.worthIt(n, d) ? VectorSupport.kernel() : PLAIN;
    }

    /**
     * Rows in pairs: two independent dot products keep the floating-point units busy, and each pair
     * updates the sums once; the terms are still added row after row, so the sums equal those of a
     * plain row-by-row loop exactly.
     */
    RowKernel PLAIN = (x, y, d, params, from, to, out, at) -> {
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
            int row = i * d;
            double r = bias - y[i];
            for (int j = 0; j < d; j++) {
                r += x[row + j] * params[j];
            }
            for (int j = 0; j < d; j++) {
                out[at + j] += r * x[row + j];
            }
            out[at + d] += r;
            s += r * r;
        }
        return s;
    };
}
