package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

import gdkit.model.ParameterBlocks;
import gdkit.model.SeparableObjective;

/**
 * A network, a data set and a loss: the mean loss over the examples as a function of the
 * network's flat parameter vector. Implements {@link SeparableObjective}, so the
 * {@code Trainer} runs full-batch gradient descent ({@code lossAndGradient}) or mini-batch SGD
 * ({@code batchLossAndGradient}) on it with any optimizer, and per-block monitoring and clipping
 * see the blocks {@code layer1.W, layer1.b, ...}.
 *
 * <p>After each call the network's layers hold that batch's activations (and, after a gradient
 * call, its gradients): see {@link Dense}. After a {@code Trainer} run they therefore hold the
 * activations of the trainer's last call, the final {@link #loss} on all examples, and the
 * gradients of the last training step. Batch buffers are allocated once per batch size; a
 * training step allocates nothing.
 */
public final class MlpObjective implements SeparableObjective {
    private final Mlp network;
    private final DMatrixRMaj x;
    private final Targets targets;
    private final Loss loss;
    private final DMatrixRMaj batch;

    MlpObjective(Mlp network, DMatrixRMaj x, Targets targets, Loss loss) {
        java.util.Objects.requireNonNull(x, "x must not be null");
        java.util.Objects.requireNonNull(targets, "targets must not be null");
        java.util.Objects.requireNonNull(loss, "loss must not be null");
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                double v = x.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x at row " + i + ", column " + j + " is " + v
                            + " (expected a finite feature value)");
                }
            }
        }
        if (x.numCols != network.inputs()) {
            throw new IllegalArgumentException("shape mismatch: x is " + Shapes.of(x) + " but the network ("
                    + network.describe() + ") expects " + network.inputs() + " features per row");
        }
        if (targets.size() != x.numRows) {
            throw new IllegalArgumentException("shape mismatch: x has " + x.numRows + " rows (" + Shapes.of(x)
                    + ") but there are " + targets.size() + " targets (expected one per row)");
        }
        if (targets.width() != network.outputs()) {
            throw new IllegalArgumentException("shape mismatch: the network has " + network.outputs()
                    + " outputs but the targets need " + targets.width()
                    + (targets.isClasses() ? " (one per class)" : " (one per target column)"));
        }
        loss.requireCompatible(targets);
        this.network = network;
        this.x = x;
        this.targets = targets;
        this.loss = loss;
        this.batch = new DMatrixRMaj(1, x.numCols);
    }

    public Mlp network() {
        return network;
    }

    /** The loss function (MSE or softmax cross-entropy). */
    public Loss lossFunction() {
        return loss;
    }

    public Targets targets() {
        return targets;
    }

    /** The examples, n x inputs; shared, do not modify. */
    public DMatrixRMaj x() {
        return x;
    }

    @Override
    public int dimension() {
        return network.dimension();
    }

    @Override
    public ParameterBlocks blocks() {
        return network.blocks();
    }

    @Override
    public int examples() {
        return x.numRows;
    }

    @Override
    public double loss(double[] params) {
        return loss.evaluate(network.forward(params, x), targets, null, 0, null);
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        DMatrixRMaj out = network.forward(params, x);
        double value = loss.evaluate(out, targets, null, 0, network.outputGradientBuffer());
        network.backpropagate(gradient);
        return value;
    }

    @Override
    public double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient) {
        if (from < 0 || to > order.length || from >= to) {
            throw new IllegalArgumentException("batch range [" + from + ", " + to + ") is not inside [0, "
                    + order.length + ")");
        }
        int d = x.numCols;
        batch.reshape(to - from, d);
        for (int r = 0; r < to - from; r++) {
            System.arraycopy(x.data, order[from + r] * d, batch.data, r * d, d);
        }
        DMatrixRMaj out = network.forward(params, batch);
        double value = loss.evaluate(out, targets, order, from, network.outputGradientBuffer());
        network.backpropagate(gradient);
        return value;
    }

    /** The network's outputs on all examples (n x outputs, a new matrix). */
    public DMatrixRMaj predict(double[] params) {
        return network.predict(params, x);
    }

    /**
     * The fraction of examples whose largest output is at their class label.
     *
     * @throws IllegalStateException if the targets are not class labels
     */
    public double accuracy(double[] params) {
        if (!targets.isClasses()) {
            throw new IllegalStateException("accuracy needs class labels; these targets are " + targets);
        }
        DMatrixRMaj out = network.forward(params, x);
        int k = out.numCols;
        int correct = 0;
        for (int i = 0; i < out.numRows; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out.data[i * k + j] > out.data[i * k + best]) {
                    best = j;
                }
            }
            if (best == targets.label(i)) {
                correct++;
            }
        }
        return (double) correct / out.numRows;
    }

    @Override
    public String toString() {
        return "MlpObjective(" + network.describe() + ", " + loss.id() + ", " + x.numRows + " examples)";
    }
}
