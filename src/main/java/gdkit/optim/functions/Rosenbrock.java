package gdkit.optim.functions;

import org.ejml.data.DMatrixRMaj;

import gdkit.model.HasHessian;
import gdkit.util.Args;

/**
 * The Rosenbrock function {@code f(x, y) = (a - x)^2 + b (y - x^2)^2} (Rosenbrock, 1960): a
 * curved, flat-bottomed valley along {@code y = x^2} with the minimum {@code f = 0} at
 * {@code (a, a^2)}. Finding the valley is easy; following it to the minimum is what separates
 * optimizers. The classic choice is {@code a = 1, b = 100}.
 */
public final class Rosenbrock implements HasHessian {
    private final double a;
    private final double b;

    /** The classic Rosenbrock function, {@code a = 1, b = 100}, minimum at (1, 1). */
    public Rosenbrock() {
        this(1, 100);
    }

    /**
     * @param a position of the minimum {@code (a, a^2)}, finite
     * @param b steepness of the valley walls, finite and {@code > 0}
     */
    public Rosenbrock(double a, double b) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite, got " + a);
        }
        this.a = a;
        this.b = Args.positive("b", b);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double loss(double[] p) {
        Args.length("params", p, 2);
        double u = a - p[0];
        double w = p[1] - p[0] * p[0];
        return u * u + b * w * w;
    }

    @Override
    public double lossAndGradient(double[] p, double[] gradient) {
        Args.length("params", p, 2);
        Args.length("gradient", gradient, 2);
        double u = a - p[0];
        double w = p[1] - p[0] * p[0];
        gradient[0] = -2 * u - 4 * b * p[0] * w;
        gradient[1] = 2 * b * w;
        return u * u + b * w * w;
    }

    @Override
    public void hessian(double[] p, DMatrixRMaj out) {
        Args.length("params", p, 2);
        out.reshape(2, 2);
        double xy = -4 * b * p[0];
        out.set(0, 0, 2 - 4 * b * (p[1] - p[0] * p[0]) + 8 * b * p[0] * p[0]);
        out.set(0, 1, xy);
        out.set(1, 0, xy);
        out.set(1, 1, 2 * b);
    }

    /** The minimizer {@code (a, a^2)}. */
    public double[] minimum() {
        return new double[] {a, a * a};
    }
}
