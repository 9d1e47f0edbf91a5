package gdkit.optim;

import java.util.Arrays;
import java.util.Locale;

import gdkit.util.Args;

/**
 * AdaGrad (Duchi, Hazan and Singer, 2011, diagonal version): every coordinate's step is divided
 * by the root of the sum of all its squared gradients so far. Coordinates with large or frequent
 * gradients get small steps, rare ones large steps. Because the sum only grows, the steps only
 * shrink: with noisy gradients they decay like {@code 1/sqrt(t)}.
 *
 * <p>Update, with accumulator {@code G} (zero at the start), element-wise:
 * <pre>
 *   G     &lt;- G + g^2
 *   theta &lt;- theta - lr * g / (sqrt(G) + eps)
 * </pre>
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>base step size lr, &gt; 0</td><td>none (required); PyTorch uses 0.01</td></tr>
 *   <tr><td>{@code epsilon}</td><td>added to sqrt(G) so the first step is finite, &gt; 0</td><td>1e-10</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.Adagrad(params, lr, eps=1e-10)} with its defaults
 * {@code lr_decay=0}, {@code initial_accumulator_value=0}, {@code weight_decay=0}; gdkit has none
 * of those three options (use a {@link LearningRateSchedule} for decay).
 */
public final class AdaGrad extends StatefulOptimizer implements Adaptive {
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-10;

    private final double epsilon;
    private double[] sumSquares;

    /** AdaGrad with {@code epsilon = 1e-10}. */
    public AdaGrad(double learningRate) {
        this(learningRate, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate base step size, finite and {@code > 0}
     * @param epsilon      finite and {@code > 0}
     */
    public AdaGrad(double learningRate, double epsilon) {
        super(learningRate);
        this.epsilon = Args.positive("epsilon", epsilon);
    }

    @Override
    void allocate(int n) {
        sumSquares = new double[n];
    }

    @Override
    void clear() {
        Arrays.fill(sumSquares, 0.0);
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            sumSquares[i] += g * g;
            params[i] -= rate * g / (Math.sqrt(sumSquares[i]) + epsilon);
        }
    }

    @Override
    public void effectiveStep(double[] out) {
        requireStateLength(out);
        double rate = learningRate();
        for (int i = 0; i < out.length; i++) {
            out[i] = rate / ((hasState() ? Math.sqrt(sumSquares[i]) : 0) + epsilon);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AdaGrad(lr=%.3g)", learningRate());
    }
}
