package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.HasHessian;
import gdkit.model.LinearRegression;
import gdkit.optim.functions.Quadratic;
import gdkit.optim.functions.Rosenbrock;
import gdkit.train.Run;
import gdkit.train.Trainer;

class LineSearchAndNewtonTest {
    @Test
    void backtrackingHalvesUntilTheArmijoConditionHoldsAndCountsEvaluations() {
        // f(x) = 5 x^2 (eigenvalue 10), x0 = 1, g = 10, slope |g|^2 = 100, c = 1e-4, t0 = 1:
        // t = 1: x = -9, f = 405 > 5 - 0.01;  t = 0.5: x = -4, f = 80;  t = 0.25: x = -1.5, f = 11.25;
        // t = 0.125: x = -0.25, f = 0.3125 <= 5 - 1e-4 * 0.125 * 100: accepted. f(x0) + 4 trials = 5 evaluations.
        Quadratic f = Quadratic.diagonal(10);
        BacktrackingLineSearch ls = new BacktrackingLineSearch(f);
        double[] x = {1};
        ls.step(x, new double[] {10});
        assertEquals(-0.25, x[0], 1e-15);
        assertEquals(0.125, ls.lastStepSize(), 0.0);
        assertEquals(5, ls.lossEvaluations());
        // From x = -0.25, g = -2.5: t = 1, 0.5, 0.25 give f = 25.3, 5, 0.70 > 0.3125; t = 0.125 gives
        // x = 0.0625, f = 0.0195. f(x1) is known from the last step: 4 more evaluations.
        ls.step(x, new double[] {-2.5});
        assertEquals(0.0625, x[0], 1e-15);
        assertEquals(9, ls.lossEvaluations());
        assertEquals(2, ls.stepCount());
        ls.reset();
        assertEquals(0, ls.lossEvaluations());
    }

    @Test
    void armijoStepsConvergeOnRosenbrockWithoutTuning() {
        Rosenbrock r = new Rosenbrock();
        BacktrackingLineSearch ls = new BacktrackingLineSearch(r);
        Run run = Trainer.of(r, ls).steps(20_000).tolerance(1e-6).run(new double[] {-1.5, 2});
        assertTrue(run.converged(), run.message());
        assertArrayEquals(new double[] {1, 1}, run.params(), 1e-5);
        assertEquals(0, ls.failedSearches());
        assertTrue(ls.lossEvaluations() > run.history().steps(), "more than one loss evaluation per step");
    }

    @Test
    void lineSearchRejectsBadSettings() {
        Quadratic f = Quadratic.sphere(2);
        assertEquals("shrink must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new BacktrackingLineSearch(f, 1, 1, 1e-4, 10))
                        .getMessage());
        assertEquals("c must be in (0, 1), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new BacktrackingLineSearch(f, 1, 0.5, 0, 10))
                        .getMessage());
        assertEquals("params has length 3 but the objective has 2 parameters",
                assertThrows(IllegalArgumentException.class,
                        () -> new BacktrackingLineSearch(f).step(new double[3], new double[3])).getMessage());
    }

    @Test
    void oneNewtonStepSolvesAQuadraticWhateverItsConditionNumber() {
        DMatrixRMaj a = new DMatrixRMaj(3, 3, true, 1000, 3, 1, 3, 10, 2, 1, 2, 0.5);
        Quadratic q = Quadratic.of(a, new double[] {1, -2, 3});
        assertTrue(q.spectrum().conditionNumber() > 1000);
        Run run = Trainer.of(q, new Newton(q)).steps(1).run(new double[] {10, 10, 10});
        assertArrayEquals(new double[] {1, -2, 3}, run.params(), 1e-9);
    }

    @Test
    void oneNewtonStepOnLinearRegressionIsTheClosedForm() {
        LinearRegression model = new LinearRegression(Synthetic.linear(200, new double[] {2, -1, 0.5}, 4,
                new double[] {1, 30, 0.01}, 0.1, 3));
        Run run = Trainer.of(model, new Newton(model)).steps(1).run(new double[4]);
        assertArrayEquals(model.closedForm(), run.params(), 1e-6);
    }

    @Test
    void dampedNewtonClosesAFixedFractionOfTheGapPerStep() {
        Quadratic q = Quadratic.rotated2D(1, 100, 0.3);
        double[] x = {4, 4};
        Newton newton = new Newton(q, 0.5);
        double[] g = new double[2];
        for (int k = 1; k <= 3; k++) {
            q.lossAndGradient(x, g);
            newton.step(x, g);
            assertEquals(Math.hypot(4, 4) / Math.pow(2, k), q.distanceToMinimum(x), 1e-12);
        }
    }

    @Test
    void newtonConvergesQuadraticallyNearTheRosenbrockMinimum() {
        Rosenbrock r = new Rosenbrock();
        Run run = Trainer.of(r, new Newton(r)).steps(10).tolerance(1e-10).run(new double[] {-1.2, 1});
        assertTrue(run.converged(), run.message());
        assertArrayEquals(new double[] {1, 1}, run.params(), 1e-9);
    }

    @Test
    void aSingularHessianIsAClearError() {
        HasHessian flat = new HasHessian() {
            public int dimension() {
                return 2;
            }

            public double loss(double[] p) {
                return p[0];
            }

            public double lossAndGradient(double[] p, double[] g) {
                g[0] = 1;
                g[1] = 0;
                return p[0];
            }

            public void hessian(double[] p, DMatrixRMaj out) {
                out.reshape(2, 2);
                out.zero();
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Newton(flat).step(new double[2], new double[] {1, 0}));
        assertTrue(e.getMessage().startsWith("the Hessian is singular at step 1"), e.getMessage());
    }
}
