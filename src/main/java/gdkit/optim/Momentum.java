package gdkit.optim;

import java.util.Locale;

/**
 * Heavy-ball momentum (Polyak, 1964): each step keeps a fraction of the previous one, so the
 * iterate builds up speed along directions where the gradient keeps its sign and the zig-zag
 * across a narrow valley cancels out.
 *
 * <p>Update, with velocity buffer {@code b} (zero at the start):
 * <pre>
 *   b     &lt;- beta * b + g
 *   theta &lt;- theta - lr * b
 * </pre>
 * For a constant learning rate this is exactly Polyak's
 * {@code theta_{t+1} = theta_t - lr * g_t + beta * (theta_t - theta_{t-1})}.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>step size lr, &gt; 0</td><td>none (required)</td></tr>
 *   <tr><td>{@code momentum}</td><td>fraction beta of the previous step kept, in [0, 1)</td><td>none (required); 0.9 is common</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.SGD(params, lr, momentum=beta)} with {@code dampening=0},
 * {@code nesterov=False}, {@code weight_decay=0}. Differences: no dampening or weight-decay
 * options, and PyTorch seeds the buffer with the first gradient ({@code b_1 = g_1}), which is what
 * the update above gives too, since {@code b} starts at zero.
 */
public final class Momentum extends VelocityOptimizer {
    /**
     * @param learningRate step size, finite and {@code > 0}
     * @param momentum     momentum coefficient beta, in [0, 1)
     */
    public Momentum(double learningRate, double momentum) {
        super(learningRate, momentum);
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        for (int i = 0; i < params.length; i++) {
            velocity[i] = momentum * velocity[i] + gradient[i];
            params[i] -= rate * velocity[i];
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Momentum(lr=%.3g, beta=%.3g)", learningRate(), momentum);
    }
}
