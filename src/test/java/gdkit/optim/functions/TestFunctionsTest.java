package gdkit.optim.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;
import gdkit.data.Synthetic;
import gdkit.model.HasHessian;
import gdkit.model.LinearRegression;

class TestFunctionsTest {
    private final Quadratic general = Quadratic.of(new DMatrixRMaj(3, 3, true, 4, 1, 0.5, 1, 3, -1, 0.5, -1, 2),
            new double[] {1, -2, 0.5});

    @Test
    void gradientsMatchFiniteDifferences() {
        assertTrue(GradientCheck.maxRelativeError(general, new double[] {0.3, 1.7, -2}, 1e-5) < 1e-8);
        assertTrue(GradientCheck.maxRelativeError(Quadratic.rotated2D(1, 50, 0.7), new double[] {2, -1}, 1e-5) < 1e-8);
        assertTrue(GradientCheck.maxRelativeError(Quadratic.sphere(4), new double[] {1, 2, 3, -4}, 1e-5) < 1e-8);
        Rosenbrock r = new Rosenbrock();
        for (double[] p : new double[][] {{-1.5, 2}, {0.3, -0.4}, {1.2, 1.5}}) {
            assertTrue(GradientCheck.maxRelativeError(r, p, 1e-6) < 1e-7);
        }
        assertTrue(GradientCheck.maxRelativeError(new Rosenbrock(2, 5), new double[] {0.5, 1}, 1e-6) < 1e-7);
    }

    /** The Hessian from central differences of the analytic gradient. */
    private static double[][] numericalHessian(HasHessian f, double[] p, double h) {
        int n = p.length;
        double[][] out = new double[n][n];
        double[] up = new double[n];
        double[] down = new double[n];
        for (int j = 0; j < n; j++) {
            double[] q = p.clone();
            q[j] = p[j] + h;
            f.lossAndGradient(q, up);
            q[j] = p[j] - h;
            f.lossAndGradient(q, down);
            for (int i = 0; i < n; i++) {
                out[i][j] = (up[i] - down[i]) / (2 * h);
            }
        }
        return out;
    }

    private static void assertHessian(HasHessian f, double[] p, double tolerance) {
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        f.hessian(p, h);
        double[][] expected = numericalHessian(f, p, 1e-5);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                assertEquals(expected[i][j], h.get(i, j), tolerance * (1 + Math.abs(expected[i][j])), "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void hessiansMatchFiniteDifferencesOfTheGradient() {
        assertHessian(general, new double[] {0.3, 1.7, -2}, 1e-8);
        assertHessian(new Rosenbrock(), new double[] {-1.5, 2}, 1e-7);
        assertHessian(new Rosenbrock(), new double[] {0.7, 0.2}, 1e-7);
        LinearRegression model = new LinearRegression(Synthetic.linear(40, new double[] {1, -2}, 0.5,
                new double[] {1, 10}, 0.2, 5));
        assertHessian(model, new double[] {0.1, 0.2, 0.3}, 1e-7);
        DMatrixRMaj h = new DMatrixRMaj(3, 3);
        model.hessian(new double[3], h);
        assertArrayEquals(model.hessian().data, h.data, 1e-10);
    }

    @Test
    void minimaAreWhereTheFunctionsAreZero() {
        assertEquals(0, general.loss(general.minimum()), 1e-15);
        assertEquals(0, new Rosenbrock().loss(new double[] {1, 1}));
        assertArrayEquals(new double[] {2, 4}, new Rosenbrock(2, 5).minimum());
        assertEquals(0, new Rosenbrock(2, 5).loss(new double[] {2, 4}));
        assertEquals(1 + 4 + 9, Quadratic.sphere(3).loss(new double[] {1, 2, 3}), 1e-15);
        // f(-1.5, 2) = 2.5^2 + 100 (2 - 2.25)^2 = 6.25 + 6.25
        assertEquals(12.5, new Rosenbrock().loss(new double[] {-1.5, 2}), 1e-12);
    }

    @Test
    void rotatedQuadraticHasTheRequestedCurvatureAlongTheRequestedDirection() {
        double angle = Math.PI / 6;
        Quadratic q = Quadratic.rotated2D(2, 50, angle);
        assertArrayEquals(new double[] {2, 50}, q.spectrum().eigenvalues(), 1e-12);
        assertEquals(25, q.spectrum().conditionNumber(), 1e-10);
        double[] g = new double[2];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        q.lossAndGradient(new double[] {c, s}, g); // gradient = A u = lambda1 u along u
        assertArrayEquals(new double[] {2 * c, 2 * s}, g, 1e-12);
        q.lossAndGradient(new double[] {-s, c}, g);
        assertArrayEquals(new double[] {-50 * s, 50 * c}, g, 1e-12);
    }

    @Test
    void badMatricesAreRejected() {
        assertEquals("a must be finite and symmetric, but a[0][1] = 1.0 and a[1][0] = 2.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Quadratic.of(new DMatrixRMaj(2, 2, true, 1, 1, 2, 1), new double[2])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Quadratic.of(new DMatrixRMaj(2, 2, true, 1, 2, 2, 1), new double[2])).getMessage()
                .startsWith("a must be positive definite, but its smallest eigenvalue is -1"));
        assertEquals("a must be 3x3 (one row per entry of minimum), got 2x2",
                assertThrows(IllegalArgumentException.class,
                        () -> Quadratic.of(new DMatrixRMaj(2, 2), new double[3])).getMessage());
        assertEquals("lambda2 must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Quadratic.rotated2D(1, 0, 0)).getMessage());
        assertEquals("b must be a finite number > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1, -1)).getMessage());
        assertEquals("params has length 3, expected 2",
                assertThrows(IllegalArgumentException.class, () -> new Rosenbrock().loss(new double[3])).getMessage());
    }
}
