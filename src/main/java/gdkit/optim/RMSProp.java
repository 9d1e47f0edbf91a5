package gdkit.optim;

import java.util.Arrays;
import java.util.Locale;

import gdkit.util.Args;

/**
 * RMSProp (Hinton, Coursera lecture 6e, 2012): like {@link AdaGrad}, but the sum of squared
 * gradients is replaced by an exponential moving average, so old gradients are forgotten and the
 * step size does not decay to zero: it settles where the recent gradient magnitude puts it.
 *
 * <p>Update, with running mean square {@code v} (zero at the start), element-wise:
 * <pre>
 *   v     &lt;- rho * v + (1 - rho) * g^2
 *   theta &lt;- theta - lr * g / (sqrt(v) + eps)
 * </pre>
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>base step size lr, &gt; 0</td><td>none (required); PyTorch uses 0.01</td></tr>
 *   <tr><td>{@code rho}</td><td>decay of the mean square, in [0, 1)</td><td>0.99 (PyTorch's {@code alpha}; Hinton's lecture and Keras use 0.9)</td></tr>
 *   <tr><td>{@code epsilon}</td><td>added to sqrt(v), &gt; 0</td><td>1e-8</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.RMSprop(params, lr, alpha=rho, eps=1e-8)} with
 * {@code momentum=0}, {@code centered=False}, {@code weight_decay=0}; gdkit has none of those
 * options. Like PyTorch (and unlike TensorFlow, which adds eps inside the root), eps is added
 * after the square root, and {@code v} starts at zero without bias correction, so the first steps
 * are larger than later ones by about {@code 1/sqrt(1 - rho^t)}.
 */
public final class RMSProp extends StatefulOptimizer implements Adaptive {
    /** PyTorch's default decay of the mean square ({@code alpha}). */
    public static final double DEFAULT_RHO = 0.99;
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double rho;
    private final double epsilon;
    private double[] meanSquare;

    /** RMSProp with {@code rho = 0.99} and {@code epsilon = 1e-8}. */
    public RMSProp(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate base step size, finite and {@code > 0}
     * @param rho          decay of the running mean square, in [0, 1)
     * @param epsilon      finite and {@code > 0}
     */
    public RMSProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Args.halfOpenUnit("rho", rho);
        this.epsilon = Args.positive("epsilon", epsilon);
    }

    @Override
    void allocate(int n) {
        meanSquare = new double[n];
    }

    @Override
    void clear() {
        Arrays.fill(meanSquare, 0.0);
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            meanSquare[i] = rho * meanSquare[i] + (1 - rho) * g * g;
            params[i] -= rate * g / (Math.sqrt(meanSquare[i]) + epsilon);
        }
    }

    @Override
    public void effectiveStep(double[] out) {
        requireStateLength(out);
        double rate = learningRate();
        for (int i = 0; i < out.length; i++) {
            out[i] = rate / ((hasState() ? Math.sqrt(meanSquare[i]) : 0) + epsilon);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "RMSProp(lr=%.3g, rho=%.3g)", learningRate(), rho);
    }
}
