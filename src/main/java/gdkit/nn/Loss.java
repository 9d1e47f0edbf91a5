package gdkit.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;

/**
 * The loss between a network's outputs (batch x k, one example per row) and its {@link Targets},
 * averaged over the batch, with its gradient with respect to the outputs.
 */
public enum Loss {
    /**
     * Mean squared error over all entries, {@code (1/(m k)) sum_ij (o_ij - y_ij)^2}, with gradient
     * {@code 2 (o - y) / (m k)}. For k = 1 this is exactly {@code LinearRegression}'s loss. Class
     * labels are compared as one-hot rows.
     */
    MSE("mse") {
        @Override
        double evaluate(DMatrixRMaj output, Targets targets, int[] order, int from, DMatrixRMaj gradient) {
            int m = output.numRows;
            int k = output.numCols;
            double scale = 1.0 / ((double) m * k);
            double sum = 0;
            for (int r = 0; r < m; r++) {
                int i = example(order, from, r);
                for (int j = 0; j < k; j++) {
                    double diff = output.data[r * k + j] - targets.value(i, j);
                    sum += diff * diff;
                    if (gradient != null) {
                        gradient.data[r * k + j] = 2 * diff * scale;
                    }
                }
            }
            return sum * scale;
        }
    },
    /**
     * Softmax cross-entropy from logits, {@code (1/m) sum_i (logsumexp(z_i) - z_i,y_i)}, computed
     * stably (the row maximum is subtracted before exponentiating), with gradient
     * {@code (softmax(z) - onehot(y)) / m}. Needs class labels. The outputs must be logits: a
     * softmax output layer in front of this loss applies softmax twice.
     */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy") {
        @Override
        double evaluate(DMatrixRMaj output, Targets targets, int[] order, int from, DMatrixRMaj gradient) {
            int m = output.numRows;
            int k = output.numCols;
            double sum = 0;
            for (int r = 0; r < m; r++) {
                int row = r * k;
                int label = targets.label(example(order, from, r));
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, output.data[row + j]);
                }
                double z = 0;
                for (int j = 0; j < k; j++) {
                    z += Math.exp(output.data[row + j] - max);
                }
                double logSumExp = max + Math.log(z);
                sum += logSumExp - output.data[row + label];
                if (gradient != null) {
                    for (int j = 0; j < k; j++) {
                        double p = Math.exp(output.data[row + j] - logSumExp);
                        gradient.data[row + j] = (p - (j == label ? 1 : 0)) / m;
                    }
                }
            }
            return sum / m;
        }

        @Override
        void requireCompatible(Targets targets) {
            if (!targets.isClasses()) {
                throw new IllegalArgumentException("softmax cross-entropy needs class labels (Targets.classes), "
                        + "got real-valued " + targets);
            }
        }
    };

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    /** The name used by {@link #of}, e.g. {@code "mse"}. */
    public String id() {
        return id;
    }

    /**
     * The mean loss over rows {@code r} of {@code output}, row r being example
     * {@code order[from + r]} (or {@code from + r} if {@code order} is null); writes dLoss/dOutput
     * into {@code gradient} unless it is null.
     */
    abstract double evaluate(DMatrixRMaj output, Targets targets, int[] order, int from, DMatrixRMaj gradient);

    /** Throws if this loss cannot use these targets. */
    void requireCompatible(Targets targets) {
    }

    /**
     * The mean loss of {@code output} (row i = example i of {@code targets}) and, unless
     * {@code gradient} is null, its gradient with respect to {@code output}, written into
     * {@code gradient} (same shape as {@code output}).
     *
     * @throws IllegalArgumentException naming both shapes if they disagree
     */
    public double evaluate(DMatrixRMaj output, Targets targets, DMatrixRMaj gradient) {
        requireCompatible(targets);
        if (output.numRows != targets.size() || output.numCols != targets.width()) {
            throw new IllegalArgumentException("shape mismatch: output is " + Shapes.of(output) + " but the targets are "
                    + targets.size() + "x" + targets.width() + (targets.isClasses() ? " (labels x classes)" : ""));
        }
        if (gradient != null && (gradient.numRows != output.numRows || gradient.numCols != output.numCols)) {
            throw new IllegalArgumentException("shape mismatch: gradient is " + Shapes.of(gradient)
                    + " but output is " + Shapes.of(output));
        }
        return evaluate(output, targets, null, 0, gradient);
    }

    /** The mean loss of {@code output} against {@code targets}. */
    public double evaluate(DMatrixRMaj output, Targets targets) {
        return evaluate(output, targets, null);
    }

    static int example(int[] order, int from, int r) {
        return order == null ? from + r : order[from + r];
    }

    /**
     * Row-wise softmax, {@code p_ij = e^{z_ij - max_i} / sum_k e^{z_ik - max_i}}: subtracting the
     * row maximum changes nothing mathematically and keeps {@code exp} from overflowing.
     * {@code probabilities} may be {@code logits} itself.
     */
    public static void softmax(DMatrixRMaj logits, DMatrixRMaj probabilities) {
        if (logits.numRows != probabilities.numRows || logits.numCols != probabilities.numCols) {
            throw new IllegalArgumentException("shape mismatch: logits are " + Shapes.of(logits)
                    + " but probabilities are " + Shapes.of(probabilities));
        }
        int k = logits.numCols;
        for (int i = 0; i < logits.numRows; i++) {
            int row = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.data[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(logits.data[row + j] - max);
                probabilities.data[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < k; j++) {
                probabilities.data[row + j] /= sum;
            }
        }
    }

    /**
     * The loss called {@code name} (case-insensitive): mse or softmax_cross_entropy.
     *
     * @throws IllegalArgumentException naming the unknown name and the allowed ones
     */
    public static Loss of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Loss l : values()) {
            if (l.id.equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Loss::id).collect(Collectors.joining(", ")));
    }
}
