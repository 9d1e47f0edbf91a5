package gdkit.optim;

import java.util.Arrays;

import gdkit.util.Args;

/**
 * What heavy-ball {@link Momentum} and {@link Nesterov} share: the momentum coefficient and a
 * velocity buffer {@code b <- beta * b + g}; they differ only in how the step uses it.
 */
abstract class VelocityOptimizer extends StatefulOptimizer {
    final double momentum;
    double[] velocity;

    VelocityOptimizer(double learningRate, double momentum) {
        super(learningRate);
        this.momentum = Args.halfOpenUnit("momentum", momentum);
    }

    /** The momentum coefficient beta. */
    public final double momentum() {
        return momentum;
    }

    @Override
    final void allocate(int n) {
        velocity = new double[n];
    }

    @Override
    final void clear() {
        Arrays.fill(velocity, 0.0);
    }
}
