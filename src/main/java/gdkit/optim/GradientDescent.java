package gdkit.optim;

import java.util.Locale;

/**
 * Plain gradient descent, {@code theta <- theta - lr * g}. Full-batch or mini-batch (stochastic)
 * depends only on which gradient the trainer passes in.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>step size lr, &gt; 0 (on a quadratic, stable only below
 *       {@code 2 / lambda_max})</td><td>none (required)</td></tr>
 * </table>
 *
 * <p><b>Same as PyTorch's {@code torch.optim.SGD(params, lr)}</b> with its defaults
 * ({@code momentum=0, dampening=0, weight_decay=0, nesterov=False}). Differences: all arithmetic is
 * in double precision and {@code lr} must be finite and {@code > 0}. Plain gradient descent keeps no
 * state, so {@link #reset()} does nothing.
 */
public final class GradientDescent extends StatefulOptimizer {
    /**
     * @param learningRate step size, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public GradientDescent(double learningRate) {
        super(learningRate);
    }

    @Override
    void allocate(int n) {
        // no state
    }

    @Override
    void clear() {
        // no state
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        for (int i = 0; i < params.length; i++) {
            params[i] -= rate * gradient[i];
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "GD(lr=%.3g)", learningRate());
    }
}
