package gdkit.rnn;

import java.util.Arrays;

import gdkit.util.Args;
import gdkit.util.Vec;
import gdkit.model.ParameterBlocks;
import gdkit.model.SeparableObjective;
import gdkit.nn.Activation;

/**
 * A recurrent network and a set of sequences: the mean squared error
 * {@code L = (1/n) sum_i ||y_hat_i - y_i||^2} of the read-out at the last step, as a function of
 * the network's flat parameter vector. The gradient is computed by backpropagation through time,
 * the recursion
 *
 * <pre>
 * dL/dh_T     = V^T dL/dy
 * dL/da_t     = dL/dh_t * f'(a_t)             (element by element; a_t = W h_{t-1} + U x_t + b)
 * dL/dh_{t-1} = W^T dL/da_t
 * dL/dW += dL/da_t h_{t-1}^T,   dL/dU += dL/da_t x_t^T,   dL/db += dL/da_t
 * </pre>
 *
 * run from t = T down to t = T - k + 1, where k is the truncation (k = T: full BPTT; smaller k
 * ignores every path from the loss back through more than k steps, so it cannot learn a
 * dependence longer than k).
 *
 * <p>Each gradient call records the per-time-step gradient norms ||dL/dh_t|| (see
 * {@link #hiddenGradientNorms()}). Buffers are allocated once; a training step allocates nothing.
 * Not thread-safe: one objective per thread.
 */
public final class RnnObjective implements SeparableObjective {
    private final Rnn rnn;
    private final Sequences data;
    private final int truncation;
    private final int length;
    private final double[] states;
    private final double[] delta;
    private final double[] deltaPrev;
    private final double[] output;
    private final double[] squaredNorms;
    private final double[] hiddenGradientNorms;
    private final int[] all;

    RnnObjective(Rnn rnn, Sequences data, int truncation) {
        if (data.inputs() != rnn.inputs()) {
            throw new IllegalArgumentException("shape mismatch: the sequences have " + data.inputs()
                    + " inputs per step but the network (" + rnn.describe() + ") expects " + rnn.inputs());
        }
        if (data.outputs() != rnn.outputs()) {
            throw new IllegalArgumentException("shape mismatch: the targets have width " + data.outputs()
                    + " but the network (" + rnn.describe() + ") has " + rnn.outputs() + " outputs");
        }
        this.rnn = rnn;
        this.data = data;
        this.truncation = truncation;
        this.length = data.length();
        this.states = new double[(length + 1) * rnn.hidden()];
        this.delta = new double[rnn.hidden()];
        this.deltaPrev = new double[rnn.hidden()];
        this.output = new double[rnn.outputs()];
        this.squaredNorms = new double[length + 1];
        this.hiddenGradientNorms = new double[length + 1];
        this.all = Vec.identity(data.size());
    }

    /** The network whose parameters this objective takes. */
    public Rnn network() {
        return rnn;
    }

    /** The sequences the loss is averaged over. */
    public Sequences data() {
        return data;
    }

    /** Number of steps the backward pass runs back from the read-out. */
    public int truncation() {
        return Math.min(truncation, length);
    }

    @Override
    public int dimension() {
        return rnn.dimension();
    }

    @Override
    public ParameterBlocks blocks() {
        return rnn.blocks();
    }

    @Override
    public int examples() {
        return data.size();
    }

    @Override
    public double loss(double[] params) {
        Args.length("params", params, rnn.dimension());
        double total = 0;
        for (int i = 0; i < data.size(); i++) {
            total += forward(params, i);
        }
        return total / data.size();
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        return batchLossAndGradient(params, all, 0, all.length, gradient);
    }

    @Override
    public double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient) {
        Args.length("params", params, rnn.dimension());
        Args.length("gradient", gradient, rnn.dimension());
        if (from < 0 || to > order.length || from >= to) {
            throw new IllegalArgumentException("batch [" + from + ", " + to + ") is empty or outside 0 ... " + order.length);
        }
        Arrays.fill(gradient, 0);
        Arrays.fill(squaredNorms, 0);
        double scale = 1.0 / (to - from);
        double total = 0;
        for (int b = from; b < to; b++) {
            int i = order[b];
            total += forward(params, i);
            backward(params, i, scale, gradient);
        }
        for (int t = 0; t <= length; t++) {
            hiddenGradientNorms[t] = Math.sqrt(squaredNorms[t]);
        }
        return total * scale;
    }

    /**
     * The norms ||dL/dh_t|| for t = 0 ... T from the last gradient call: entry t is the norm of the
     * gradient of that call's (batch) loss with respect to the hidden states at step t of all
     * its sequences together. Entries before the truncation window (t < T - k) are 0: truncated
     * BPTT does not compute them. A copy.
     */
    public double[] hiddenGradientNorms() {
        return hiddenGradientNorms.clone();
    }

    /**
     * The hidden states h_0 ... h_T of example {@code i} under {@code params}: row t is h_t
     * (h_0 = 0). A new array.
     */
    public double[][] states(double[] params, int i) {
        Args.length("params", params, rnn.dimension());
        forward(params, i);
        int h = rnn.hidden();
        double[][] out = new double[length + 1][h];
        for (int t = 0; t <= length; t++) {
            System.arraycopy(states, t * h, out[t], 0, h);
        }
        return out;
    }

    /** The network's outputs for every example: row i is y_hat_i. A new array. */
    public double[][] predict(double[] params) {
        Args.length("params", params, rnn.dimension());
        double[][] out = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            forward(params, i);
            out[i] = output.clone();
        }
        return out;
    }

    /** Runs example i forward, leaving h_0 ... h_T in {@code states} and y_hat in {@code output}; returns its loss. */
    private double forward(double[] p, int i) {
        int h = rnn.hidden();
        int d = rnn.inputs();
        int w0 = rnn.offsetW();
        int u0 = rnn.offsetU();
        int b0 = rnn.offsetB();
        double[] x = data.rawInputs();
        int x0 = data.inputOffset(i);
        boolean relu = rnn.activation() == Activation.RELU;
        Arrays.fill(states, 0, h, 0);
        for (int t = 1; t <= length; t++) {
            int prev = (t - 1) * h;
            int xt = x0 + (t - 1) * d;
            for (int r = 0; r < h; r++) {
                double a = p[b0 + r];
                int wr = w0 + r * h;
                for (int j = 0; j < h; j++) {
                    a += p[wr + j] * states[prev + j];
                }
                int ur = u0 + r * d;
                for (int k = 0; k < d; k++) {
                    a += p[ur + k] * x[xt + k];
                }
                states[t * h + r] = relu ? (a > 0 ? a : 0) : Math.tanh(a);
            }
        }
        int v0 = rnn.offsetV();
        int c0 = rnn.offsetC();
        int last = length * h;
        double loss = 0;
        for (int k = 0; k < rnn.outputs(); k++) {
            double y = p[c0 + k];
            for (int j = 0; j < h; j++) {
                y += p[v0 + k * h + j] * states[last + j];
            }
            output[k] = y;
            double r = y - data.rawTargets()[i * rnn.outputs() + k];
            loss += r * r;
        }
        return loss;
    }

    /** Adds {@code scale} times example i's gradient (after its {@link #forward}) to {@code g}. */
    private void backward(double[] p, int i, double scale, double[] g) {
        int h = rnn.hidden();
        int d = rnn.inputs();
        int v0 = rnn.offsetV();
        int c0 = rnn.offsetC();
        int last = length * h;
        Arrays.fill(delta, 0);
        for (int k = 0; k < rnn.outputs(); k++) {
            double dy = 2 * scale * (output[k] - data.rawTargets()[i * rnn.outputs() + k]);
            g[c0 + k] += dy;
            for (int j = 0; j < h; j++) {
                g[v0 + k * h + j] += dy * states[last + j];
                delta[j] += dy * p[v0 + k * h + j];                 // dL/dh_T = V^T dL/dy
            }
        }
        int w0 = rnn.offsetW();
        int u0 = rnn.offsetU();
        int b0 = rnn.offsetB();
        double[] x = data.rawInputs();
        int x0 = data.inputOffset(i);
        boolean relu = rnn.activation() == Activation.RELU;
        int stop = Math.max(0, length - truncation);
        double[] dh = delta;
        double[] dhPrev = deltaPrev;
        for (int t = length; t > stop; t--) {
            squaredNorms[t] += Vec.sumOfSquares(dh);
            int cur = t * h;
            int prev = (t - 1) * h;
            int xt = x0 + (t - 1) * d;
            Arrays.fill(dhPrev, 0);
            for (int r = 0; r < h; r++) {
                double s = states[cur + r];
                double da = dh[r] * (relu ? (s > 0 ? 1 : 0) : 1 - s * s);   // dL/da_t = dL/dh_t * f'(a_t)
                if (da == 0) {
                    continue;
                }
                g[b0 + r] += da;
                int wr = w0 + r * h;
                for (int j = 0; j < h; j++) {
                    g[wr + j] += da * states[prev + j];
                    dhPrev[j] += p[wr + j] * da;                    // dL/dh_{t-1} = W^T dL/da_t
                }
                int ur = u0 + r * d;
                for (int k = 0; k < d; k++) {
                    g[ur + k] += da * x[xt + k];
                }
            }
            double[] swap = dh;
            dh = dhPrev;
            dhPrev = swap;
        }
        squaredNorms[stop] += Vec.sumOfSquares(dh);
    }

    @Override
    public String toString() {
        return rnn.describe() + " on " + data + (truncation < length ? ", BPTT truncated at " + truncation + " steps" : "");
    }
}
