package gdkit.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import gdkit.data.Dataset;
import gdkit.model.ParameterBlocks;
import gdkit.util.Args;
import gdkit.util.Seeds;

/**
 * A multi-layer perceptron: a stack of {@link Dense} layers with a hand-written forward and
 * backward pass on EJML matrices (batch x features, one example per row).
 *
 * <p>The parameters are one flat vector, as every gdkit optimizer expects: layer 1's {@code W}
 * (row by row) and {@code b}, then layer 2's, and so on; {@link #blocks()} names them
 * {@code layer1.W}, {@code layer1.b}, .... Pair the network with data and a loss through
 * {@link #objective} to train it with the {@code Trainer}.
 *
 * <pre>{@code
 * Mlp net = Mlp.builder(10).dense(100, Activation.RELU).dense(10, Activation.IDENTITY).build();
 * double[] p0 = net.initialize(Init.heNormal(), 42);
 * MlpObjective f = net.objective(x, Targets.classes(labels, 10), Loss.SOFTMAX_CROSS_ENTROPY);
 * Run run = Trainer.of(f, new GradientDescent(0.1)).steps(200).run(p0);
 * net.layer(1).activations();   // what layer 1 computed on the last batch
 * }</pre>
 *
 * <p>A network keeps per-layer buffers for the batch it last saw and is therefore not
 * thread-safe; one network per objective.
 */
public final class Mlp {
    private final int inputs;
    private final List<Dense> layers;
    /** The layers as an array, so the training loop iterates without an Iterator object. */
    private final Dense[] stack;
    private final ParameterBlocks blocks;
    private final int dimension;

    private Mlp(int inputs, List<Dense> layers) {
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
        this.stack = layers.toArray(new Dense[0]);
        ParameterBlocks.Builder b = ParameterBlocks.builder();
        for (Dense layer : layers) {
            b.add(layer.name() + ".W", layer.inputs() * layer.outputs());
            b.add(layer.name() + ".b", layer.outputs());
        }
        this.blocks = b.build();
        this.dimension = blocks.dimension();
    }

    /** Starts a network whose examples have {@code inputs} features. */
    public static Builder builder(int inputs) {
        return new Builder(inputs);
    }

    /**
     * A plain deep network: {@code layers} dense layers in total, the first {@code layers - 1}
     * with {@code width} units and activation {@code hidden}, the last linear (identity) with
     * {@code outputs} units.
     */
    public static Mlp stack(int inputs, int width, int layers, Activation hidden, int outputs) {
        Args.atLeast("layers", layers, 1);
        Builder b = builder(inputs);
        for (int k = 1; k < layers; k++) {
            b.dense(width, hidden);
        }
        return b.dense(outputs, Activation.IDENTITY).build();
    }

    /** Adds layers in order; each layer's inputs are the previous layer's units. */
    public static final class Builder {
        private final int inputs;
        private final List<Dense> layers = new ArrayList<>();
        private int width;
        private int offset;

        private Builder(int inputs) {
            this.inputs = Args.atLeast("inputs", inputs, 1);
            this.width = inputs;
        }

        /** A dense layer with {@code units} outputs and the given activation. */
        public Builder dense(int units, Activation activation) {
            Args.atLeast("units", units, 1);
            Dense layer = new Dense(layers.size() + 1, width, units, activation, offset);
            layers.add(layer);
            offset += layer.parameterCount();
            width = units;
            return this;
        }

        /**
         * A dense layer whose pre-activations are layer-normalized: {@code a = f(LN(x W + b))}
         * (see {@link LayerNorm}).
         */
        public Builder layerNormDense(int units, Activation activation) {
            return add(units, activation, true, false);
        }

        /**
         * A residual block, {@code a = x + f(x W + b)}: as many units as the previous layer, and
         * an identity path for the signal in both directions.
         */
        public Builder residual(Activation activation) {
            return add(width, activation, false, true);
        }

        /** A residual block with a normalized branch, {@code a = x + f(LN(x W + b))}. */
        public Builder layerNormResidual(Activation activation) {
            return add(width, activation, true, true);
        }

        private Builder add(int units, Activation activation, boolean normalized, boolean residual) {
            Args.atLeast("units", units, 1);
            Dense layer = new Dense(layers.size() + 1, width, units, activation, offset, normalized, residual);
            layers.add(layer);
            offset += layer.parameterCount();
            width = units;
            return this;
        }

        /** A dense layer with an activation given by name (see {@link Activation#of}). */
        public Builder dense(int units, String activation) {
            return dense(units, Activation.of(activation));
        }

        public Mlp build() {
            if (layers.isEmpty()) {
                throw new IllegalStateException("a network needs at least one dense layer");
            }
            return new Mlp(inputs, layers);
        }
    }

    /** Number of input features. */
    public int inputs() {
        return inputs;
    }

    /** Number of outputs of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Number of dense layers (the depth). */
    public int depth() {
        return layers.size();
    }

    /**
     * Layer {@code k}, counted from 1 like the block names ({@code layer(1)} owns
     * {@code layer1.W} and {@code layer1.b}).
     */
    public Dense layer(int k) {
        if (k < 1 || k > layers.size()) {
            throw new IllegalArgumentException("layer must be in [1, " + layers.size() + "], got " + k);
        }
        return layers.get(k - 1);
    }

    /** All layers, first to last. */
    public List<Dense> layers() {
        return layers;
    }

    /** Number of parameters. */
    public int dimension() {
        return dimension;
    }

    /** The named blocks {@code layer1.W, layer1.b, layer2.W, ...} of the parameter vector. */
    public ParameterBlocks blocks() {
        return blocks;
    }

    /**
     * A new parameter vector: every {@code W} drawn from {@code weights} (fan-in and fan-out from
     * its layer), in layer order from one generator seeded with {@code seed}; every {@code b} zero.
     */
    public double[] initialize(Init weights, long seed) {
        Random rng = Seeds.random(seed);
        double[] params = new double[dimension];
        for (Dense layer : layers) {
            DMatrixRMaj w = new DMatrixRMaj(layer.inputs(), layer.outputs());
            weights.fill(w, rng);
            System.arraycopy(w.data, 0, params, layer.offset(), w.data.length);
        }
        return params;
    }

    /**
     * Runs the forward pass on a batch {@code x} (batch x inputs).
     *
     * @return the last layer's activations, batch x outputs: the network's buffer, valid until
     *         the next forward pass; do not modify it (use {@link #predict} for a copy)
     * @throws IllegalArgumentException if {@code params} has the wrong length or {@code x} the
     *                                  wrong number of columns
     */
    public DMatrixRMaj forward(double[] params, DMatrixRMaj x) {
        requireDimension(params);
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("shape mismatch: input is " + Shapes.of(x) + " but the network expects "
                    + inputs + " features per row (layer1.W is " + inputs + "x" + layers.get(0).outputs() + ")");
        }
        DMatrixRMaj h = x;
        for (Dense layer : stack) {
            layer.forward(params, h);
            h = layer.activationsBuffer();
        }
        return h;
    }

    /** The network's outputs for {@code x} (a new matrix, batch x outputs). */
    public DMatrixRMaj predict(double[] params, DMatrixRMaj x) {
        return forward(params, x).copy();
    }

    /**
     * Runs the backward pass for the batch of the last {@link #forward}, given dLoss/d(output)
     * (batch x outputs), and writes the gradient with respect to all parameters into
     * {@code gradient}.
     */
    public void backward(DMatrixRMaj outputGradient, double[] gradient) {
        DMatrixRMaj buffer = last().gradABuffer();
        if (outputGradient.numRows != buffer.numRows || outputGradient.numCols != buffer.numCols) {
            throw new IllegalArgumentException("shape mismatch: output gradient is " + Shapes.of(outputGradient)
                    + " but the last forward pass produced an output of " + Shapes.of(buffer));
        }
        buffer.setTo(outputGradient);
        backpropagate(gradient);
    }

    /** The last layer's dLoss/da buffer, sized for the current batch, for the loss to fill. */
    DMatrixRMaj outputGradientBuffer() {
        return last().gradABuffer();
    }

    /** Back-propagates from the output gradient already in the last layer's buffer. */
    void backpropagate(double[] gradient) {
        Args.length("gradient", gradient, dimension);
        for (int k = stack.length - 1; k >= 0; k--) {
            stack[k].backward(gradient, k > 0 ? stack[k - 1] : null);
        }
    }

    /**
     * This network as a trainable objective on the examples {@code x} (n x inputs) with the given
     * targets and loss.
     *
     * @throws IllegalArgumentException naming the shapes if x, the targets and the network disagree
     */
    public MlpObjective objective(DMatrixRMaj x, Targets targets, Loss loss) {
        return new MlpObjective(this, x, targets, loss);
    }

    /** This network as an objective on a data set's features and (single, real) target. */
    public MlpObjective objective(Dataset data, Loss loss) {
        return objective(data.x(), Targets.values(data.y()), loss);
    }

    private Dense last() {
        return stack[stack.length - 1];
    }

    void requireDimension(double[] params) {
        if (params.length != dimension) {
            throw new IllegalArgumentException("params has length " + params.length + " but this network has "
                    + dimension + " parameters (" + describe() + ")");
        }
    }

    /** The architecture in one line, e.g. {@code "10 -> 100 relu -> 10 identity"}. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(inputs);
        for (Dense layer : layers) {
            s.append(" -> ").append(layer.outputs()).append(' ').append(layer.describe());
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "Mlp(" + describe() + ", " + dimension + " parameters)";
    }
}
