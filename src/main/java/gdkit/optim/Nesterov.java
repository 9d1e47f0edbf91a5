package gdkit.optim;

import java.util.Locale;

/**
 * Nesterov momentum in PyTorch's formulation: like {@link Momentum}, but the step uses the
 * gradient plus the <em>updated</em> velocity, a cheap stand-in for evaluating the gradient at the
 * look-ahead point. It damps the overshoot of heavy-ball momentum.
 *
 * <p>Update, with velocity buffer {@code b} (zero at the start):
 * <pre>
 *   b     &lt;- beta * b + g
 *   theta &lt;- theta - lr * (g + beta * b)
 * </pre>
 * This is Sutskever et al. (2013)'s
 * {@code v <- beta v - lr grad f(phi + beta v); phi <- phi + v} rewritten in the look-ahead variable
 * {@code theta = phi + beta v}: for a constant learning rate both give the same iterates, but here
 * the gradient is taken at the current parameters, so it fits the one-gradient-per-step
 * {@link Optimizer} interface.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>step size lr, &gt; 0</td><td>none (required)</td></tr>
 *   <tr><td>{@code momentum}</td><td>momentum coefficient beta, in [0, 1)</td><td>none (required); 0.9 is common</td></tr>
 * </table>
 *
 * <p>Same as {@code torch.optim.SGD(params, lr, momentum=beta, nesterov=True)} with
 * {@code dampening=0} and {@code weight_decay=0}; gdkit has neither option.
 */
public final class Nesterov extends VelocityOptimizer {
    /**
     * @param learningRate step size, finite and {@code > 0}
     * @param momentum     momentum coefficient beta, in [0, 1)
     */
    public Nesterov(double learningRate, double momentum) {
        super(learningRate, momentum);
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        for (int i = 0; i < params.length; i++) {
            velocity[i] = momentum * velocity[i] + gradient[i];
            params[i] -= rate * (gradient[i] + momentum * velocity[i]);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Nesterov(lr=%.3g, beta=%.3g)", learningRate(), momentum);
    }
}
