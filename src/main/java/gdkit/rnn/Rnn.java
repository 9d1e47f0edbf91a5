package gdkit.rnn;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import gdkit.util.Args;
import gdkit.model.ParameterBlocks;
import gdkit.nn.Activation;

/**
 * A vanilla (Elman) recurrent network read out at the last step:
 *
 * <pre>
 * h_0 = 0,   h_t = f(W h_{t-1} + U x_t + b)   (t = 1 ... T),   y = V h_T + c
 * </pre>
 *
 * with f = tanh or ReLU. The parameters are one flat vector, as every gdkit optimizer expects:
 * W (hidden x hidden), U (hidden x inputs), b (hidden), V (outputs x hidden), c (outputs), each
 * matrix row by row; {@link #blocks()} names them {@code W, U, b, V, c}. Pair the network with
 * sequences through {@link #objective} to compute the loss and its gradient by backpropagation
 * through time.
 *
 * <pre>{@code
 * Rnn rnn = Rnn.of(1, 16, 1, Activation.TANH);
 * double[] p0 = rnn.initialize(RecurrentInit.spectralRadius(0.9), 42);
 * RnnObjective f = rnn.objective(Sequences.recall(64, 20, 0, 1));
 * Run run = Trainer.of(f, new GradientDescent(0.1)).steps(300).run(p0);
 * }</pre>
 */
public final class Rnn {
    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final Activation activation;

    private Rnn(int inputs, int hidden, int outputs, Activation activation) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.activation = activation;
    }

    /**
     * A network with {@code inputs} inputs per step, {@code hidden} recurrent units and
     * {@code outputs} outputs.
     *
     * @throws IllegalArgumentException for a size below 1 or an activation other than tanh or ReLU
     */
    public static Rnn of(int inputs, int hidden, int outputs, Activation activation) {
        Args.atLeast("inputs", inputs, 1);
        Args.atLeast("hidden", hidden, 1);
        Args.atLeast("outputs", outputs, 1);
        if (activation != Activation.TANH && activation != Activation.RELU) {
            throw new IllegalArgumentException("activation must be TANH or RELU, got " + activation);
        }
        return new Rnn(inputs, hidden, outputs, activation);
    }

    /** Number of inputs per time step. */
    public int inputs() {
        return inputs;
    }

    /** Number of recurrent (hidden) units. */
    public int hidden() {
        return hidden;
    }

    /** Number of outputs of the read-out. */
    public int outputs() {
        return outputs;
    }

    /** The activation f of the recurrent units (tanh or ReLU). */
    public Activation activation() {
        return activation;
    }

    /** Number of parameters. */
    public int dimension() {
        return hidden * hidden + hidden * inputs + hidden + outputs * hidden + outputs;
    }

    /** The blocks W, U, b, V, c of the parameter vector, in this order. */
    public ParameterBlocks blocks() {
        return ParameterBlocks.builder().add("W", hidden * hidden).add("U", hidden * inputs).add("b", hidden)
                .add("V", outputs * hidden).add("c", outputs).build();
    }

    /** Index of W(0, 0) in the parameter vector (W(i, j) is at {@code offsetW() + i * hidden + j}). */
    public int offsetW() {
        return 0;
    }

    /** Index of U(0, 0) (U(i, d) is at {@code offsetU() + i * inputs + d}). */
    public int offsetU() {
        return hidden * hidden;
    }

    /** Index of b(0). */
    public int offsetB() {
        return offsetU() + hidden * inputs;
    }

    /** Index of V(0, 0) (V(k, i) is at {@code offsetV() + k * hidden + i}). */
    public int offsetV() {
        return offsetB() + hidden;
    }

    /** Index of c(0). */
    public int offsetC() {
        return offsetV() + outputs * hidden;
    }

    /**
     * A new parameter vector: W drawn from {@code recurrent}, U with entries N(0, 1/inputs),
     * V with entries N(0, 1/hidden), b and c zero; one generator seeded with {@code seed}.
     */
    public double[] initialize(RecurrentInit recurrent, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[dimension()];
        recurrent.fill(p, offsetW(), hidden, rng);
        double su = 1 / Math.sqrt(inputs);
        for (int i = offsetU(); i < offsetB(); i++) {
            p[i] = su * rng.nextGaussian();
        }
        double sv = 1 / Math.sqrt(hidden);
        for (int i = offsetV(); i < offsetC(); i++) {
            p[i] = sv * rng.nextGaussian();
        }
        return p;
    }

    /** W as a hidden x hidden matrix (a copy). */
    public DMatrixRMaj recurrentMatrix(double[] params) {
        Args.length("params", params, dimension());
        DMatrixRMaj w = new DMatrixRMaj(hidden, hidden);
        System.arraycopy(params, offsetW(), w.data, 0, hidden * hidden);
        return w;
    }

    /** The spectral radius rho(W) = max |eigenvalue of W| of the recurrent matrix in {@code params}. */
    public double spectralRadius(double[] params) {
        Args.length("params", params, dimension());
        return spectralRadius(params, offsetW(), hidden);
    }

    /** rho of the n x n matrix stored row by row in {@code a} from {@code offset}. */
    static double spectralRadius(double[] a, int offset, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        System.arraycopy(a, offset, m.data, 0, n * n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("eigen-decomposition of the " + n + "x" + n + " recurrent matrix failed");
        }
        double rho = 0;
        for (int i = 0; i < n; i++) {
            rho = Math.max(rho, eig.getEigenvalue(i).getMagnitude());
        }
        return rho;
    }

    /** This network as a trainable objective on {@code data}, with full backpropagation through time. */
    public RnnObjective objective(Sequences data) {
        return new RnnObjective(this, data, data.length());
    }

    /**
     * This network as a trainable objective on {@code data}, with backpropagation through time
     * truncated after {@code truncation} steps back from the read-out.
     */
    public RnnObjective objective(Sequences data, int truncation) {
        return new RnnObjective(this, data, Args.atLeast("truncation", truncation, 1));
    }

    /** A one-line description, e.g. {@code "rnn 1 -> 16 tanh -> 1"}. */
    public String describe() {
        return "rnn " + inputs + " -> " + hidden + " " + activation.name().toLowerCase(java.util.Locale.ROOT) + " -> " + outputs;
    }

    @Override
    public String toString() {
        return describe() + " (" + dimension() + " parameters)";
    }
}
