package gdkit.optim.functions;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

import gdkit.model.HasHessian;
import gdkit.model.Spectrum;
import gdkit.util.Args;

/**
 * A convex quadratic {@code f(x) = (1/2) (x - c)^T A (x - c)} with a symmetric positive-definite
 * matrix {@code A} and minimum {@code c} (where {@code f = 0}). Its gradient is
 * {@code A (x - c)} and its Hessian is {@code A} everywhere, so everything about gradient descent
 * on it follows from the eigenvalues of {@code A}: the largest stable step is
 * {@code 2 / lambda_max} and the convergence rate depends on the condition number
 * {@code kappa = lambda_max / lambda_min}.
 *
 * <pre>{@code
 * Quadratic q = Quadratic.rotated2D(1, 100, Math.PI / 6); // kappa = 100, axes turned by 30 degrees
 * }</pre>
 */
public final class Quadratic implements HasHessian {
    private final int n;
    /** Row-major {@code n x n}. */
    private final double[] a;
    private final double[] center;

    private Quadratic(double[] a, double[] center) {
        this.n = center.length;
        this.a = a;
        this.center = center;
    }

    /**
     * The quadratic with matrix {@code a} and minimum {@code minimum}.
     *
     * @throws IllegalArgumentException unless {@code a} is square, symmetric and positive
     *                                  definite with one row per entry of {@code minimum}
     */
    public static Quadratic of(DMatrixRMaj a, double[] minimum) {
        int n = minimum.length;
        if (n == 0 || a.numRows != n || a.numCols != n) {
            throw new IllegalArgumentException("a must be " + n + "x" + n + " (one row per entry of minimum), got "
                    + a.numRows + "x" + a.numCols);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(minimum[i])) {
                throw new IllegalArgumentException("minimum[" + i + "] must be finite, got " + minimum[i]);
            }
            for (int j = 0; j < n; j++) {
                double v = a.get(i, j);
                if (!Double.isFinite(v) || Math.abs(v - a.get(j, i)) > 1e-12 * (Math.abs(v) + 1)) {
                    throw new IllegalArgumentException("a must be finite and symmetric, but a[" + i + "][" + j + "] = " + v
                            + " and a[" + j + "][" + i + "] = " + a.get(j, i));
                }
            }
        }
        double smallest = Spectrum.of(a).min();
        if (!(smallest > 0)) {
            throw new IllegalArgumentException("a must be positive definite, but its smallest eigenvalue is " + smallest);
        }
        return new Quadratic(a.data.clone(), minimum.clone());
    }

    /** {@code f(x) = (1/2) sum_i eigenvalues[i] x_i^2}: axis-aligned, minimum at the origin. */
    public static Quadratic diagonal(double... eigenvalues) {
        Args.atLeast("number of eigenvalues", eigenvalues.length, 1);
        DMatrixRMaj a = new DMatrixRMaj(eigenvalues.length, eigenvalues.length);
        for (int i = 0; i < eigenvalues.length; i++) {
            a.set(i, i, Args.positive("eigenvalues[" + i + "]", eigenvalues[i]));
        }
        return of(a, new double[eigenvalues.length]);
    }

    /** The sphere function {@code f(x) = sum_i x_i^2} (every eigenvalue 2), minimum at the origin. */
    public static Quadratic sphere(int dimension) {
        Args.atLeast("dimension", dimension, 1);
        double[] twos = new double[dimension];
        Arrays.fill(twos, 2.0);
        return diagonal(twos);
    }

    /**
     * A 2-D quadratic with curvature {@code lambda1} along the direction at angle
     * {@code angleRadians} from the x axis and {@code lambda2} across it, minimum at the origin.
     * With {@code lambda2 / lambda1 = kappa} large this is the narrow, tilted valley where plain
     * gradient descent zig-zags.
     *
     * @param lambda1      curvature along {@code (cos a, sin a)}, finite and {@code > 0}
     * @param lambda2      curvature along {@code (-sin a, cos a)}, finite and {@code > 0}
     * @param angleRadians the rotation {@code a}, finite
     */
    public static Quadratic rotated2D(double lambda1, double lambda2, double angleRadians) {
        Args.positive("lambda1", lambda1);
        Args.positive("lambda2", lambda2);
        if (!Double.isFinite(angleRadians)) {
            throw new IllegalArgumentException("angleRadians must be finite, got " + angleRadians);
        }
        double c = Math.cos(angleRadians);
        double s = Math.sin(angleRadians);
        // A = R diag(lambda1, lambda2) R^T with R = [[c, -s], [s, c]]
        double xx = lambda1 * c * c + lambda2 * s * s;
        double xy = (lambda1 - lambda2) * c * s;
        double yy = lambda1 * s * s + lambda2 * c * c;
        return of(new DMatrixRMaj(2, 2, true, xx, xy, xy, yy), new double[2]);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double loss(double[] params) {
        Args.length("params", params, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (params[i] - center[i]) * row(i, params);
        }
        return 0.5 * s;
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        Args.length("params", params, n);
        Args.length("gradient", gradient, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double gi = row(i, params);
            gradient[i] = gi;
            s += (params[i] - center[i]) * gi;
        }
        return 0.5 * s;
    }

    /** {@code (A (x - c))_i}. */
    private double row(int i, double[] x) {
        double s = 0;
        int off = i * n;
        for (int j = 0; j < n; j++) {
            s += a[off + j] * (x[j] - center[j]);
        }
        return s;
    }

    @Override
    public void hessian(double[] params, DMatrixRMaj out) {
        Args.length("params", params, n);
        out.reshape(n, n);
        System.arraycopy(a, 0, out.data, 0, n * n);
    }

    /** The matrix {@code A} (a copy). */
    public DMatrixRMaj matrix() {
        return new DMatrixRMaj(n, n, true, a);
    }

    /** The minimizer {@code c} (a copy). */
    public double[] minimum() {
        return center.clone();
    }

    /** The eigenvalues of {@code A}: condition number, largest stable step. */
    public Spectrum spectrum() {
        return Spectrum.of(matrix());
    }

    /** The Euclidean distance from {@code params} to the minimum. */
    public double distanceToMinimum(double[] params) {
        Args.length("params", params, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = params[i] - center[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
