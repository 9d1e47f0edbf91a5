package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import gdkit.optim.functions.Quadratic;
import gdkit.train.Run;
import gdkit.train.Trainer;

/** Every optimizer reaches the minimum of a convex quadratic, and rejects bad hyper-parameters. */
class OptimizerConvergenceTest {
    /** kappa = 10, axes turned by 0.4 rad, minimum at the origin. */
    private final Quadratic bowl = Quadratic.rotated2D(1, 10, 0.4);
    private final double[] start = {3, -2};

    private double distanceAfter(Optimizer opt, int steps) {
        Run run = Trainer.of(bowl, opt).steps(steps).run(start);
        assertFalse(run.diverged(), run.message());
        return bowl.distanceToMinimum(run.params());
    }

    @Test
    void everyOptimizerConvergesOnAConvexQuadratic() {
        double initial = bowl.distanceToMinimum(start);
        assertTrue(distanceAfter(new GradientDescent(0.15), 300) < 1e-6 * initial);
        assertTrue(distanceAfter(new Momentum(0.1, 0.5), 300) < 1e-6 * initial);
        assertTrue(distanceAfter(new Nesterov(0.1, 0.5), 300) < 1e-6 * initial);
        assertTrue(distanceAfter(new AdaGrad(1.0), 2000) < 1e-6 * initial);
        assertTrue(distanceAfter(new Adam(0.1), 2000) < 1e-6 * initial);
        assertTrue(distanceAfter(new AdamW(0.1, 0.001), 2000) < 1e-6 * initial);
    }

    @Test
    void rmsPropWithConstantRateHoversWithinAboutOneStepOfTheMinimumAndADecayingRateConverges() {
        // As g -> 0 so does v, and the step lr g / sqrt(v) stays of order lr: RMSProp with a constant
        // rate does not settle, it ends up rattling around the minimum at a distance of order lr; a
        // rate that decays to zero (cosine) fixes that.
        double hover = distanceAfter(new RMSProp(0.01), 3000);
        assertTrue(hover < 0.05 && hover > 1e-4, "distance " + hover);
        Run decayed = Trainer.of(bowl, new RMSProp(0.01)).steps(3000).schedule(Schedules.cosine(3000)).run(start);
        assertTrue(bowl.distanceToMinimum(decayed.params()) < 1e-6 * hover, decayed.message());
    }

    @Test
    void adamWShrinksTheSolutionTowardsZero() {
        // Decoupled decay moves the fixed point: theta* solves g(theta)/(sqrt(vhat)+eps) ~ -wd theta.
        Quadratic shifted = Quadratic.of(bowl.matrix(), new double[] {2, 1});
        Run plain = Trainer.of(shifted, new Adam(0.05)).steps(3000).schedule(Schedules.inverseTime(200)).run(start);
        Run decayed = Trainer.of(shifted, new AdamW(0.05, 0.1)).steps(3000).schedule(Schedules.inverseTime(200))
                .run(start);
        double[] p = plain.params();
        double[] d = decayed.params();
        assertEquals(Math.hypot(2, 1), Math.hypot(p[0], p[1]), 1e-3);
        assertTrue(Math.hypot(d[0], d[1]) < Math.hypot(2, 1) - 0.01, "AdamW end point norm " + Math.hypot(d[0], d[1]));
    }

    private static void assertRejected(Supplier<Optimizer> make, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
        assertEquals(message, e.getMessage());
    }

    @Test
    void outOfRangeHyperParametersAreRejectedWithTheParameterAndRange() {
        assertRejected(() -> new Momentum(-0.1, 0.9), "learningRate must be a finite number > 0, got -0.1");
        assertRejected(() -> new Momentum(0.1, 1.0), "momentum must be in [0, 1), got 1.0");
        assertRejected(() -> new Nesterov(Double.NaN, 0.9), "learningRate must be a finite number > 0, got NaN");
        assertRejected(() -> new Nesterov(0.1, -0.5), "momentum must be in [0, 1), got -0.5");
        assertRejected(() -> new AdaGrad(0.1, 0.0), "epsilon must be a finite number > 0, got 0.0");
        assertRejected(() -> new RMSProp(0.1, 1.5, 1e-8), "rho must be in [0, 1), got 1.5");
        assertRejected(() -> new RMSProp(0.1, 0.9, -1e-8), "epsilon must be a finite number > 0, got -1.0E-8");
        assertRejected(() -> new Adam(0.1, 1.0, 0.999, 1e-8), "beta1 must be in [0, 1), got 1.0");
        assertRejected(() -> new Adam(0.1, 0.9, Double.NaN, 1e-8), "beta2 must be in [0, 1), got NaN");
        assertRejected(() -> new Adam(Double.POSITIVE_INFINITY), "learningRate must be a finite number > 0, got Infinity");
        assertRejected(() -> new AdamW(0.1, -0.01), "weightDecay must be a finite number >= 0, got -0.01");
        assertRejected(() -> new AdamW(0.1, 0.01, 0.9, 0.999, 0.0), "epsilon must be a finite number > 0, got 0.0");
        Adam adam = new Adam(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.step(new double[2], new double[2], -1));
        assertEquals("learningRate must be a finite number > 0, got -1.0", e.getMessage());
    }

    @Test
    void aGradientOfTheWrongLengthIsRejected() {
        Adam adam = new Adam(0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(new double[3], new double[2]));
        assertEquals("gradient has length 2 but params has length 3", e.getMessage());
    }

    @Test
    void theTrainerAppliesTheScheduleToEveryOptimizer() {
        Run run = Trainer.of(bowl, new Adam(0.2)).steps(10).schedule(Schedules.warmup(4)).run(start);
        double[] rates = run.history().learningRate();
        assertEquals(0.05, rates[0], 1e-15);
        assertEquals(0.1, rates[1], 1e-15);
        assertEquals(0.2, rates[3], 1e-15);
        assertEquals(0.2, rates[9], 1e-15);
    }
}
