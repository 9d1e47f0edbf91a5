package gdkit.optim;

import java.util.Locale;

import gdkit.util.Args;

/**
 * AdamW (Loshchilov and Hutter, 2019): {@link Adam} with <em>decoupled</em> weight decay. The
 * parameters shrink towards zero by a fixed fraction each step, outside the adaptive scaling;
 * adding {@code lambda * theta} to the gradient instead (L2 regularization, Adam's
 * {@code weight_decay}) would be divided by {@code sqrt(vhat)} and decay coordinates unevenly.
 *
 * <p>Update number {@code t = 1, 2, ...}, element-wise, with {@code m} and {@code v} zero at the
 * start ({@code theta} on the right of the last line is the value before this update):
 * <pre>
 *   m     &lt;- beta1 * m + (1 - beta1) * g
 *   v     &lt;- beta2 * v + (1 - beta2) * g^2
 *   mhat  =  m / (1 - beta1^t)
 *   vhat  =  v / (1 - beta2^t)
 *   theta &lt;- theta - lr * (mhat / (sqrt(vhat) + eps) + wd * theta)
 * </pre>
 * This is Algorithm 2 of the paper with its schedule multiplier {@code eta_t} folded into
 * {@code lr} and its {@code lambda} written as {@code lr * wd}: the decay per step is
 * {@code lr * wd}, so it follows the learning-rate schedule.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>step size lr, &gt; 0</td><td>none (required); PyTorch uses 0.001</td></tr>
 *   <tr><td>{@code weightDecay}</td><td>decoupled decay wd, &gt;= 0</td><td>0.01</td></tr>
 *   <tr><td>{@code beta1}</td><td>decay of the first moment, in [0, 1)</td><td>0.9</td></tr>
 *   <tr><td>{@code beta2}</td><td>decay of the second moment, in [0, 1)</td><td>0.999</td></tr>
 *   <tr><td>{@code epsilon}</td><td>added to sqrt(vhat), &gt; 0</td><td>1e-8</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay=wd)} with
 * {@code amsgrad=False} (PyTorch also multiplies the decay by {@code lr}). The paper's own
 * experiments decay by {@code eta_t * lambda}, independent of the base rate: to match a paper
 * value {@code lambda}, use {@code wd = lambda / lr}.
 */
public final class AdamW extends AdamFamily {
    /** PyTorch's default weight decay for AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final double weightDecay;

    /** AdamW with {@code weightDecay = 0.01} and Adam's default betas and epsilon. */
    public AdamW(double learningRate) {
        this(learningRate, DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW with Adam's default betas and epsilon. */
    public AdamW(double learningRate, double weightDecay) {
        this(learningRate, weightDecay, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON);
    }

    /**
     * @param learningRate step size, finite and {@code > 0}
     * @param weightDecay  decoupled weight decay, finite and {@code >= 0}
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      finite and {@code > 0}
     */
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon);
        this.weightDecay = Args.nonNegative("weightDecay", weightDecay);
    }

    /** The decoupled weight decay wd. */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        double shrink = 1 - rate * weightDecay;
        for (int i = 0; i < params.length; i++) {
            params[i] *= shrink;
        }
        moments.step(params, gradient, rate, steps);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AdamW(lr=%.3g, wd=%.3g)", learningRate(), weightDecay);
    }
}
