package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.Spectrum;
import gdkit.optim.GradientDescent;
import gdkit.optim.Optimizer;
import gdkit.train.Health.Verdict;

class HealthTest {
    /** A history of {@code loss[t]}, {@code grad[t]}, learning rate 0.1, and a 1-D parameter path. */
    private static History history(double[] loss, double[] grad, double[] path) {
        History h = new History(1, path != null);
        if (path != null) {
            h.recordParams(new double[] {path[0]});
        }
        for (int t = 0; t < loss.length; t++) {
            h.recordStep(loss[t], grad[t], 0.1);
            if (path != null && t + 1 < path.length) {
                h.recordParams(new double[] {path[t + 1]});
            }
        }
        return h;
    }

    private static double[] geometric(double first, double ratio, int n) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) {
            v[t] = first * Math.pow(ratio, t);
        }
        return v;
    }

    /** Positions that bounce around 0 with amplitude growing by {@code ratio} per step. */
    private static double[] bouncing(double ratio, int n) {
        double[] p = geometric(1, ratio, n + 1);
        for (int t = 1; t < p.length; t += 2) {
            p[t] = -p[t];
        }
        return p;
    }

    @Test
    void growthRatesAreTheFittedFactorPerStep() {
        Health h = Health.of(history(geometric(4, 2.25, 30), geometric(1, 1.5, 30), bouncing(1.5, 30)));
        assertEquals(2.25, h.lossGrowthRate(), 1e-12);
        assertEquals(1.5, h.gradientGrowthRate(), 1e-12);
        assertEquals(-1, h.updateAlignment(), 1e-12);
        assertEquals(15, h.windowStart());
        assertEquals(30, h.windowEnd());
    }

    @Test
    void healthyWhenTheLossFalls() {
        Health h = Health.of(history(geometric(10, 0.9, 50), geometric(3, 0.95, 50), geometric(5, 0.95, 50)));
        assertEquals(Verdict.HEALTHY, h.verdict(), h.summary());
    }

    @Test
    void explodingWhenTheLossGrowsAndUpdatesOvershoot() {
        Health h = Health.of(history(geometric(1, 1.44, 30), geometric(1, 1.2, 30), bouncing(1.2, 30)));
        assertEquals(Verdict.EXPLODING, h.verdict(), h.summary());
        assertTrue(h.summary().startsWith("EXPLODING"), h.summary());
    }

    @Test
    void explodingWithoutATrajectory() {
        Health h = Health.of(geometric(1, 1.3, 40), geometric(1, 1.14, 40), 0.1);
        assertEquals(Verdict.EXPLODING, h.verdict(), h.summary());
        assertTrue(Double.isNaN(h.updateAlignment()));
    }

    @Test
    void ascendingWhenTheLossGrowsAndUpdatesAgree() {
        Health h = Health.of(history(geometric(1, 1.2, 30), geometric(1, 1.1, 30), geometric(1, 1.1, 31)));
        assertEquals(Verdict.ASCENDING, h.verdict(), h.summary());
        assertTrue(h.summary().contains("sign"), h.summary());
    }

    @Test
    void oscillatingWhenUpdatesAlternateButNothingGrows() {
        Health h = Health.of(history(geometric(10, 0.98, 40), geometric(3, 0.99, 40), bouncing(0.99, 40)));
        assertEquals(Verdict.OSCILLATING, h.verdict(), h.summary());
    }

    @Test
    void oscillatingFromAZigZaggingLossWithoutATrajectory() {
        double[] loss = new double[40];
        for (int t = 0; t < 40; t++) {
            loss[t] = t % 2 == 0 ? 2 : 1;
        }
        Health h = Health.of(loss, geometric(1, 1, 40), 0.1);
        assertEquals(Verdict.OSCILLATING, h.verdict(), h.summary());
    }

    @Test
    void vanishingWhenTheLossStallsWithATinyGradient() {
        double[] loss = geometric(0.7, 0.99999, 100);
        Health h = Health.of(loss, geometric(1e-4, 0.97, 100), 0.1);
        assertEquals(Verdict.VANISHING, h.verdict(), h.summary());
        // the same flat loss with a real gradient is not vanishing
        assertEquals(Verdict.HEALTHY, Health.of(loss, geometric(0.5, 1, 100), 0.1).verdict());
    }

    /** The 10-layer sigmoid net of notebook 05: the loss falls at first (an offset is removed), then sits at the mean's loss. */
    private static double[] dropThenStall(int n) {
        double[] loss = new double[n];
        for (int t = 0; t < n; t++) {
            loss[t] = 1.0005 + 0.3 * Math.exp(-t / 10.0);
        }
        return loss;
    }

    @Test
    void aRunThatEndsAtTheBaselineIsNotHealthy() {
        History h = history(dropThenStall(200), geometric(0.05, 0.99, 200), null);
        assertEquals(Verdict.HEALTHY, Health.of(h).verdict(), "without a baseline nothing looks wrong");
        Health withBaseline = Health.of(h, 1.0);
        assertEquals(Verdict.NO_BETTER_THAN_BASELINE, withBaseline.verdict(), withBaseline.summary());
        assertTrue(withBaseline.summary().contains("final loss 1.001 is not below the baseline's 1.000"), withBaseline.summary());
        assertTrue(Health.of(h, 1.02).summary().contains("only 1.9% below the baseline's 1.02"), Health.of(h, 1.02).summary());
        // 6 % below the baseline counts as having learned something, 4 % does not
        assertEquals(Verdict.HEALTHY, Health.of(h, 1.0005 / 0.94).verdict());
        assertEquals(Verdict.NO_BETTER_THAN_BASELINE, Health.of(h, 1.0005 / 0.96).verdict());
        assertThrows(IllegalArgumentException.class, () -> Health.of(h, Double.NaN));
    }

    @Test
    void aRealRunBeatsTheMeanPredictorsBaseline() {
        double mean = java.util.Arrays.stream(line.data().y()).average().orElseThrow();
        double variance = line.loss(new double[] {0, mean});     // predicting the mean for every x
        Run r = run(new GradientDescent(0.3 * spectrum.maxStableStep()), 60);
        assertEquals(Verdict.HEALTHY, Health.of(r, variance).verdict());
        // a run too short to get below the mean predictor's loss is flagged
        Run tooShort = Trainer.of(line, new GradientDescent(1e-3)).steps(3).run(new double[] {0, 0});
        assertTrue(tooShort.finalLoss() > variance, "the setup: 3 tiny steps stay above the baseline");
        assertEquals(Verdict.NO_BETTER_THAN_BASELINE, Health.of(tooShort, variance).verdict());
    }

    @Test
    void vanishingUsesTheStepActuallyTakenWhenTheTrajectoryIsRecorded() {
        int n = 100;
        double[] loss = geometric(0.7, 0.99999, n);
        double[] grad = geometric(1e-4, 1, n);
        // without a trajectory, lr |g|^2 = 1e-9 of the loss: VANISHING (right for plain GD) ...
        Health assumed = Health.of(history(loss, grad, null));
        assertEquals(Verdict.VANISHING, assumed.verdict(), assumed.summary());
        assertTrue(assumed.summary().contains("plain gradient descent"), assumed.summary());
        // ... but an adaptive optimizer that moves 10 per step despite the tiny gradient is not stalled by it
        double[] bigSteps = new double[n + 1];
        for (int t = 0; t <= n; t++) {
            bigSteps[t] = 10.0 * t;
        }
        assertEquals(Verdict.HEALTHY, Health.of(history(loss, grad, bigSteps)).verdict());
        // while steps of 1e-3 are: |g| |delta theta| = 1e-7 of the loss
        double[] smallSteps = new double[n + 1];
        for (int t = 0; t <= n; t++) {
            smallSteps[t] = 1e-3 * t;
        }
        assertEquals(Verdict.VANISHING, Health.of(history(loss, grad, smallSteps)).verdict());
    }

    @Test
    void theVanishingTestIsSkippedForRunsWhoseStepsAreNotPlainGradientSteps() {
        LinearRegression line = new LinearRegression(Synthetic.line(100, 3.0, 2.0, 1.0, 7));
        double[] optimum = line.closedForm(); // start at the minimum: the loss cannot drop, the gradient is ~0
        Run gd = Trainer.of(line, new GradientDescent(0.01)).recordParams(false).steps(50).run(optimum.clone());
        assertTrue(gd.plainGradientSteps());
        assertEquals(Verdict.VANISHING, Health.of(gd).verdict(), Health.of(gd).summary());
        Run adam = Trainer.of(line, new gdkit.optim.Adam(0.01)).recordParams(false).steps(50).run(optimum.clone());
        assertTrue(!adam.plainGradientSteps());
        Health h = Health.of(adam);
        assertTrue(h.verdict() != Verdict.VANISHING, h.summary());
        assertTrue(h.summary().contains("VANISHING not tested"), h.summary());
        // with its trajectory recorded (the default for up to 64 parameters) the test uses the steps taken
        Run recorded = Trainer.of(line, new gdkit.optim.Adam(0.01)).steps(50).run(optimum.clone());
        assertTrue(!Health.of(recorded).summary().contains("not tested"), Health.of(recorded).summary());
        Run clipped = Trainer.of(line, new GradientDescent(0.01)).transform(new gdkit.optim.ClipByGlobalNorm(1.0))
                .steps(5).run(optimum.clone());
        assertTrue(!clipped.plainGradientSteps(), "clipping changes the step");
    }

    @Test
    void divergedAtTheFirstNonFiniteValue() {
        double[] loss = geometric(1, 3, 20);
        loss[17] = Double.POSITIVE_INFINITY;
        loss[18] = Double.NaN;
        Health h = Health.of(loss, geometric(1, 1.7, 20), 0.1);
        assertEquals(Verdict.DIVERGED, h.verdict());
        assertEquals(17, h.divergedAt());
        assertTrue(h.summary().startsWith("DIVERGED at step 17 (loss is Infinity)"), h.summary());
        assertEquals(3, h.lossGrowthRate(), 1e-9);
    }

    @Test
    void aRunThatBlowsUpAtOnceStillGetsARateFromItsTwoSteps() {
        Health h = Health.of(new double[] {1, 1e12}, new double[] {1, 1e6}, 0.1);
        assertEquals(Verdict.EXPLODING, h.verdict(), h.summary());
        assertEquals(1e12, h.lossGrowthRate(), 1);
        Health nan = Health.of(new double[] {Double.NaN}, new double[] {1}, 0.1);
        assertEquals(0, nan.divergedAt());
        assertEquals("DIVERGED at step 0 (loss is NaN); before that: too few finite steps to fit growth rates", nan.summary());
    }

    @Test
    void anEmptyHistoryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Health.of(new double[0], new double[0], 0.1));
    }

    // Real runs on notebook 01's line: the eigenvalues of the Hessian predict each verdict.

    private final LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));
    private final Spectrum spectrum = Spectrum.of(line.hessian());

    private Run run(Optimizer optimizer, int steps) {
        return Trainer.of(line, optimizer).steps(steps).run(new double[] {0, 0});
    }

    @Test
    void tooLargeAStepExplodesAtTheRateTheEigenvaluePredicts() {
        double eta = 1.2 * spectrum.maxStableStep();
        Health h = Health.of(run(new GradientDescent(eta), 25));
        assertEquals(Verdict.EXPLODING, h.verdict(), h.summary());
        assertEquals(Math.abs(1 - eta * spectrum.max()), h.gradientGrowthRate(), 1e-3);
        assertTrue(h.updateAlignment() < -0.99, h.summary());
    }

    @Test
    void aStepBelowTheLimitOnlyOscillates() {
        Health h = Health.of(run(new GradientDescent(0.95 * spectrum.maxStableStep()), 60));
        assertEquals(Verdict.OSCILLATING, h.verdict(), h.summary());
        assertTrue(h.lossGrowthRate() < 1, h.summary());
    }

    @Test
    void aSafeStepIsHealthy() {
        Health h = Health.of(run(new GradientDescent(0.3 * spectrum.maxStableStep()), 60));
        assertEquals(Verdict.HEALTHY, h.verdict(), h.summary());
    }

    @Test
    void aSignErrorAscends() {
        Optimizer wrongSign = new Optimizer() {
            @Override
            public void step(double[] params, double[] gradient) {
                for (int i = 0; i < params.length; i++) {
                    params[i] += 0.05 * gradient[i];
                }
            }

            @Override
            public double learningRate() {
                return 0.05;
            }

            @Override
            public void reset() {
            }

            @Override
            public String describe() {
                return "GD with a sign error";
            }
        };
        Health h = Health.of(run(wrongSign, 30));
        assertEquals(Verdict.ASCENDING, h.verdict(), h.summary());
        assertEquals(1 + 0.05 * spectrum.max(), h.gradientGrowthRate(), 1e-2);
    }

    @Test
    void aRunThatBlewUpIsDivergedAtTheTrainersStep() {
        Run r = run(new GradientDescent(3 * spectrum.maxStableStep()), 200);
        Health h = Health.of(r);
        assertTrue(r.diverged());
        assertEquals(Verdict.DIVERGED, h.verdict());
        assertEquals(r.divergedAt(), h.divergedAt());
        assertTrue(h.summary().startsWith("DIVERGED at step " + r.divergedAt()), h.summary());
        assertTrue(h.summary().contains(r.reason()), h.summary() + " should give the run's reason: " + r.reason());
    }
}
