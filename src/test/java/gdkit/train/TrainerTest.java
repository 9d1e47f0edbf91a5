package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.Objective;
import gdkit.optim.GradientDescent;

class TrainerTest {
    private final LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));

    @Test
    void historyHasOneEntryPerStepAndTheTrajectoryOneMore() {
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(25).run(new double[2]);
        History h = run.history();
        assertEquals(25, h.steps());
        assertEquals(26, h.params().length);
        assertEquals(26, h.epochLoss().length);
        assertEquals(line.loss(new double[2]), h.loss()[0], 1e-12);
        assertEquals(run.finalLoss(), h.epochLoss()[25], 1e-12);
        assertArrayEquals(run.params(), h.params()[25]);
        assertEquals(Run.Status.FINISHED, run.status());
    }

    @Test
    void seededMiniBatchTrainingRepeatsExactlyAndTheSeedMatters() {
        Run a = Trainer.of(line, new GradientDescent(0.05)).epochs(5).batchSize(8).seed(7).run(new double[2]);
        Run b = Trainer.of(line, new GradientDescent(0.05)).epochs(5).batchSize(8).seed(7).run(new double[2]);
        Run c = Trainer.of(line, new GradientDescent(0.05)).epochs(5).batchSize(8).seed(8).run(new double[2]);
        assertArrayEquals(a.history().loss(), b.history().loss());
        assertNotEquals(a.history().loss()[3], c.history().loss()[3]);
        assertEquals(5 * 13, a.history().steps()); // 100 examples in batches of 8: 13 batches
        assertEquals(6, a.history().epochLoss().length);
    }

    @Test
    void nonFiniteLossIsReportedAsDivergenceWithItsStep() {
        Objective blowsUp = new Objective() {
            public int dimension() {
                return 1;
            }

            public double loss(double[] p) {
                return p[0] > 5 ? Double.NaN : p[0] * p[0];
            }

            public double lossAndGradient(double[] p, double[] g) {
                g[0] = -1; // walks right by lr each step
                return loss(p);
            }
        };
        Run run = Trainer.of(blowsUp, new GradientDescent(1)).steps(100).run(new double[] {0.5});
        assertTrue(run.diverged());
        assertEquals(5, run.divergedAt());
        assertEquals("GD(lr=1.00) diverged at step 5: loss is NaN", run.message());
        assertEquals(6, run.history().steps());
    }

    @Test
    void lossBlowUpPastTheFactorIsDivergence() {
        Run run = Trainer.of(line, new GradientDescent(2.0)).steps(1000).blowUpFactor(1e3).run(new double[2]);
        assertTrue(run.diverged());
        assertTrue(run.message().contains("more than 1e+03 x the initial loss"), run.message());
        assertTrue(run.history().loss()[run.divergedAt()] > 1e3 * run.history().loss()[0]);
    }

    @Test
    void toleranceStopsAtConvergence() {
        Run run = Trainer.of(line, new GradientDescent(0.2)).steps(10_000).tolerance(1e-6).run(new double[2]);
        assertTrue(run.converged(), run.message());
        assertTrue(run.convergedAt() < 10_000);
        assertFalse(run.diverged());
    }

    @Test
    void badArgumentsNameTheParameter() {
        Trainer t = Trainer.of(line, new GradientDescent(0.1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.run(new double[3]))
                .getMessage().contains("start has length 3, expected 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.steps(0))
                .getMessage().contains("steps must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GradientDescent(-0.1))
                .getMessage().contains("learningRate must be a finite number > 0, got -0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GradientDescent(Double.NaN))
                .getMessage().contains("got NaN"));
    }

    @Test
    void scheduleSetsTheStepSizeAndTheOptimizerKeepsItsBaseRate() {
        GradientDescent gd = new GradientDescent(0.1);
        Run run = Trainer.of(line, gd).steps(4).schedule(k -> 1.0 / (k + 1)).run(new double[2]);
        assertArrayEquals(new double[] {0.1, 0.05, 0.1 / 3, 0.025}, run.history().learningRate(), 1e-15);
        assertEquals(0.1, gd.learningRate());
        assertTrue(run.message().startsWith("GD(lr=0.100) finished"), run.message());
    }
}
