package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * One fully-connected layer, {@code z = x W + b}, {@code a = f(z)}, on a batch {@code x}
 * (batch x inputs, one example per row). {@code W} is inputs x outputs, so its fan-in is the
 * number of rows and its fan-out the number of columns.
 *
 * <p>Its parameters live in the network's flat parameter vector: first {@code W} row by row
 * (block {@code layerK.W}), then {@code b} (block {@code layerK.b}). The buffers for a batch are
 * allocated once and reused; they grow only when a larger batch arrives.
 *
 * <p>Two options make it a block of a modern deep network (see {@link Mlp.Builder}): a
 * <em>normalized</em> layer applies {@link LayerNorm} to {@code x W + b} before the activation,
 * {@code z = LN(x W + b)}; a <em>residual</em> layer (inputs = outputs) adds its input to the
 * activation, {@code a = x + f(z)}, so the backward pass gets an identity path:
 * {@code dL/dx = dL/da + (dL/dz W^T)} (through LN's backward for a normalized layer).
 *
 * <p>After {@link Mlp#forward} and a backward pass, the accessors return copies of what the layer
 * saw: its input, pre-activations, activations and the gradients. They are the values of the most
 * recent batch.
 */
public final class Dense {
    private final int index;
    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final int offset;
    /** Null for a plain layer. */
    private final LayerNorm norm;
    private final boolean residual;

    private final DMatrixRMaj w;
    private final DMatrixRMaj b;
    private final DMatrixRMaj gradW;
    private final DMatrixRMaj gradB;
    private final DMatrixRMaj z;
    private final DMatrixRMaj a;
    private final DMatrixRMaj gradA;
    private final DMatrixRMaj gradZ;
    private final RowProducts products = new RowProducts();
    /** {@code x W + b} before normalization (normalized layers only). */
    private final DMatrixRMaj u;
    private final DMatrixRMaj gradU;
    /** {@code f(z)} without the residual input (residual layers only; else the same object as a). */
    private final DMatrixRMaj branch;
    private DMatrixRMaj input;
    private boolean backwardDone;

    Dense(int index, int inputs, int outputs, Activation activation, int offset) {
        this(index, inputs, outputs, activation, offset, false, false);
    }

    Dense(int index, int inputs, int outputs, Activation activation, int offset, boolean normalized, boolean residual) {
        if (residual && inputs != outputs) {
            throw new IllegalArgumentException("a residual layer adds its input to its output, so it needs as many units ("
                    + outputs + ") as inputs (" + inputs + ")");
        }
        if (normalized && activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("a normalized layer needs an element-wise activation, not softmax");
        }
        if ((long) inputs * outputs + outputs > Integer.MAX_VALUE - offset) {
            throw new IllegalArgumentException("layer " + index + ": Dense(" + inputs + " -> " + outputs + ") has "
                    + ((long) inputs * outputs + outputs) + " parameters; a network holds at most "
                    + Integer.MAX_VALUE + " in all (one Java array)");
        }
        this.norm = normalized ? new LayerNorm() : null;
        this.residual = residual;
        this.index = index;
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.offset = offset;
        this.w = new DMatrixRMaj(inputs, outputs);
        this.b = new DMatrixRMaj(1, outputs);
        this.gradW = new DMatrixRMaj(inputs, outputs);
        this.gradB = new DMatrixRMaj(1, outputs);
        this.z = new DMatrixRMaj(1, outputs);
        this.a = new DMatrixRMaj(1, outputs);
        this.gradA = new DMatrixRMaj(1, outputs);
        this.gradZ = new DMatrixRMaj(1, outputs);
        this.u = normalized ? new DMatrixRMaj(1, outputs) : null;
        this.gradU = normalized ? new DMatrixRMaj(1, outputs) : null;
        this.branch = residual ? new DMatrixRMaj(1, outputs) : a;
    }

    /** The layer's position, 1 for the first layer. */
    public int index() {
        return index;
    }

    /** {@code "layer1"}, {@code "layer2"}, ...: the prefix of its parameter blocks. */
    public String name() {
        return "layer" + index;
    }

    /** Number of inputs per example: the fan-in of {@code W}. */
    public int inputs() {
        return inputs;
    }

    /** Number of units: the fan-out of {@code W}. */
    public int outputs() {
        return outputs;
    }

    public Activation activation() {
        return activation;
    }

    /** True if the layer normalizes its pre-activations, {@code z = LN(x W + b)}. */
    public boolean normalized() {
        return norm != null;
    }

    /** True if the layer adds its input to its activation, {@code a = x + f(z)}. */
    public boolean residual() {
        return residual;
    }

    /** Number of parameters, {@code inputs * outputs + outputs}. */
    public int parameterCount() {
        return inputs * outputs + outputs;
    }

    /** Index of the layer's first parameter ({@code W[0][0]}) in the flat parameter vector. */
    public int offset() {
        return offset;
    }

    /** Index of {@code b[0]} in the flat parameter vector. */
    public int biasOffset() {
        return offset + inputs * outputs;
    }

    /** Computes {@code z = x W + b} and {@code a = f(z)} for a batch. */
    void forward(double[] params, DMatrixRMaj x) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("shape mismatch: " + name() + " gets input " + Shapes.of(x)
                    + " but expects " + inputs + " columns (W is " + Shapes.of(w) + ")");
        }
        System.arraycopy(params, offset, w.data, 0, inputs * outputs);
        System.arraycopy(params, biasOffset(), b.data, 0, outputs);
        int m = x.numRows;
        z.reshape(m, outputs);
        a.reshape(m, outputs);
        DMatrixRMaj linear = norm == null ? z : u;
        linear.reshape(m, outputs);
        products.mult(x, w, linear);
        for (int i = 0; i < m; i++) {
            int row = i * outputs;
            for (int j = 0; j < outputs; j++) {
                linear.data[row + j] += b.data[j];
            }
        }
        if (norm != null) {
            norm.forward(u, z);
        }
        branch.reshape(m, outputs);
        activation.forward(z, branch);
        if (residual) {
            int count = m * outputs;
            for (int i = 0; i < count; i++) {
                a.data[i] = x.data[i] + branch.data[i];
            }
        }
        input = x;
    }

    /** The activations buffer of the current batch (the next layer's input). */
    DMatrixRMaj activationsBuffer() {
        return a;
    }

    /** The buffer for dLoss/da of the current batch (filled by the next layer or the loss). */
    DMatrixRMaj gradABuffer() {
        gradA.reshape(a.numRows, outputs);
        return gradA;
    }

    /**
     * From dLoss/da (already in {@link #gradABuffer()}), computes dLoss/dz, the parameter
     * gradients (written into {@code gradient} at this layer's offset) and, if {@code previous}
     * is not null, dLoss/d(input) into the previous layer's gradA buffer.
     */
    void backward(double[] gradient, Dense previous) {
        requireForward();
        gradZ.reshape(a.numRows, outputs);
        activation.backward(z, branch, gradA, gradZ);
        DMatrixRMaj gradLinear = gradZ;
        if (norm != null) {
            norm.backward(z, gradZ, gradU);
            gradLinear = gradU;
        }
        products.multTransA(input, gradLinear, gradW);
        columnSums(gradLinear, gradB);
        System.arraycopy(gradW.data, 0, gradient, offset, inputs * outputs);
        System.arraycopy(gradB.data, 0, gradient, biasOffset(), outputs);
        if (previous != null) {
            DMatrixRMaj gradInput = previous.gradABuffer();
            products.multTransB(gradLinear, w, gradInput);
            if (residual) {
                int count = gradA.numRows * outputs;
                for (int i = 0; i < count; i++) {
                    gradInput.data[i] += gradA.data[i];
                }
            }
        }
        backwardDone = true;
    }

    /**
     * {@code sums[j] = m[0][j] + m[1][j] + ...}, the same additions in the same order as EJML's
     * {@code CommonOps_DDRM.sumCols}, but row by row: EJML walks down each column, a stride of a
     * whole row per element, which took about 3 % of an MLP step; along the rows the loop is
     * vectorized.
     */
    private static void columnSums(DMatrixRMaj m, DMatrixRMaj sums) {
        int cols = m.numCols;
        sums.reshape(1, cols);
        double[] out = sums.data;
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int i = 0; i < m.numRows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += m.data[row + j];
            }
        }
    }

    /** The input of the most recent batch (a copy). */
    public DMatrixRMaj input() {
        requireForward();
        return input.copy();
    }

    /** The pre-activations {@code z = x W + b} (normalized: {@code LN(x W + b)}) of the most recent batch (a copy). */
    public DMatrixRMaj preActivations() {
        requireForward();
        return z.copy();
    }

    /** The activations {@code a = f(z)} (residual: {@code x + f(z)}) of the most recent batch (a copy). */
    public DMatrixRMaj activations() {
        requireForward();
        return a.copy();
    }

    /** The weights used in the most recent forward pass, inputs x outputs (a copy). */
    public DMatrixRMaj weights() {
        requireForward();
        return w.copy();
    }

    /** dLoss/dW of the most recent backward pass, inputs x outputs (a copy). */
    public DMatrixRMaj weightGradient() {
        requireBackward();
        return gradW.copy();
    }

    /** dLoss/db of the most recent backward pass, 1 x outputs (a copy). */
    public DMatrixRMaj biasGradient() {
        requireBackward();
        return gradB.copy();
    }

    /** dLoss/da, the gradient arriving at this layer's activations in the most recent backward pass (a copy). */
    public DMatrixRMaj activationGradient() {
        requireBackward();
        return gradA.copy();
    }

    /** dLoss/dz, the gradient at the pre-activations in the most recent backward pass (a copy). */
    public DMatrixRMaj preActivationGradient() {
        requireBackward();
        return gradZ.copy();
    }

    private void requireForward() {
        if (input == null) {
            throw new IllegalStateException(name() + " has seen no batch yet: run a forward pass first");
        }
    }

    private void requireBackward() {
        if (!backwardDone) {
            throw new IllegalStateException(name() + " has no gradients yet: run lossAndGradient (or Mlp.backward) first");
        }
    }

    @Override
    public String toString() {
        return name() + ": Dense(" + inputs + " -> " + outputs + ", " + describe() + ")";
    }

    /** The activation's name, with the options: e.g. {@code "tanh"}, {@code "layernorm tanh residual"}. */
    String describe() {
        return (norm != null ? "layernorm " : "") + activation.id() + (residual ? " residual" : "");
    }
}
