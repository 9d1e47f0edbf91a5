package gdkit.optim;

import java.util.Locale;

/**
 * Adam (Kingma and Ba, 2014): momentum on the gradient (first moment {@code m}) divided per
 * coordinate by the root of a running mean of squared gradients (second moment {@code v}), both
 * corrected for starting at zero. Each coordinate moves by roughly {@code lr} per step whatever
 * the scale of its gradient, which is why Adam tolerates badly scaled problems.
 *
 * <p>Update number {@code t = 1, 2, ...}, element-wise, with {@code m} and {@code v} zero at the
 * start:
 * <pre>
 *   m     &lt;- beta1 * m + (1 - beta1) * g
 *   v     &lt;- beta2 * v + (1 - beta2) * g^2
 *   mhat  =  m / (1 - beta1^t)
 *   vhat  =  v / (1 - beta2^t)
 *   theta &lt;- theta - lr * mhat / (sqrt(vhat) + eps)
 * </pre>
 * (Algorithm 1 of the paper.)
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>step size lr, &gt; 0</td><td>none (required); the paper and PyTorch use 0.001</td></tr>
 *   <tr><td>{@code beta1}</td><td>decay of the first moment, in [0, 1)</td><td>0.9</td></tr>
 *   <tr><td>{@code beta2}</td><td>decay of the second moment, in [0, 1)</td><td>0.999</td></tr>
 *   <tr><td>{@code epsilon}</td><td>added to sqrt(vhat), &gt; 0</td><td>1e-8</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.Adam(params, lr, betas=(beta1, beta2), eps)} with
 * {@code weight_decay=0}, {@code amsgrad=False}; gdkit has neither option (use {@link AdamW} for
 * weight decay). Like PyTorch and the paper, eps is added after the bias-corrected square root
 * (TensorFlow's "epsilon hat" variant differs slightly in the first steps).
 */
public final class Adam extends AdamFamily {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    /** Adam with {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate step size, finite and {@code > 0}
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      finite and {@code > 0}
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon);
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        moments.step(params, gradient, rate, steps);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Adam(lr=%.3g, betas=(%.3g, %.3g))", learningRate(), moments.beta1,
                moments.beta2);
    }
}
