package gdkit.optim;

import java.util.Locale;

import gdkit.util.Args;

/**
 * Plain gradient descent, {@code theta <- theta - lr * g}. Full-batch or mini-batch (stochastic)
 * depends only on which gradient the trainer passes in, as with PyTorch's {@code SGD} without
 * momentum.
 */
public final class GradientDescent implements Optimizer {
    private double learningRate;

    /** @param learningRate step size, finite and {@code > 0} */
    public GradientDescent(double learningRate) {
        this.learningRate = Args.positive("learningRate", learningRate);
    }

    @Override
    public void step(double[] params, double[] gradient) {
        for (int i = 0; i < params.length; i++) {
            params[i] -= learningRate * gradient[i];
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double rate) {
        this.learningRate = Args.positive("learningRate", rate);
    }

    @Override
    public void reset() {
        // plain gradient descent keeps no state
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "GD(lr=%.3g)", learningRate);
    }
}
