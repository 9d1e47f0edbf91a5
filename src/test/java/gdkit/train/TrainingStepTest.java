package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.optim.ClipByGlobalNorm;
import gdkit.optim.GradientDescent;
import gdkit.optim.Optimizer;
import gdkit.optim.Schedules;
import gdkit.util.Vec;

/** The batch plan and the callback pipeline of {@link Trainer}. */
class TrainingStepTest {
    private final LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));
    private final double[] start = {0, 0};

    @Test
    void batchSizeAndStepsMeanTheSameInEitherOrder() {
        Run a = Trainer.of(line, new GradientDescent(0.05)).batchSize(10).steps(35).seed(3).run(start);
        Run b = Trainer.of(line, new GradientDescent(0.05)).steps(35).batchSize(10).seed(3).run(start);
        Run c = Trainer.of(line, new GradientDescent(0.05)).plan(BatchPlan.miniBatchSteps(35, 10, 3)).run(start);
        assertEquals(35, a.history().steps());
        assertArrayEquals(a.history().loss(), b.history().loss());
        assertArrayEquals(a.history().loss(), c.history().loss());
        // 35 steps of 10 out of 100 examples: epochs end after steps 10, 20 and 30, and the run after 35
        assertEquals(1 + 4, a.history().epochLoss().length);
        assertEquals(a.finalLoss(), a.history().epochLoss()[4], 1e-15);
        // the first 30 steps are the first three epochs of an epoch-counted run with the same seed
        Run epochs = Trainer.of(line, new GradientDescent(0.05)).epochs(3).batchSize(10).seed(3).run(start);
        assertArrayEquals(epochs.history().loss(), Arrays.copyOf(a.history().loss(), 30));
    }

    @Test
    void thePlanSaysWhatTheCallsDescribe() {
        assertEquals(BatchPlan.fullBatch(100), Trainer.of(line, new GradientDescent(0.1)).plan());
        assertEquals(BatchPlan.fullBatch(7), Trainer.of(line, new GradientDescent(0.1)).epochs(3).steps(7).plan());
        assertEquals(BatchPlan.epochs(3, 8, 5),
                Trainer.of(line, new GradientDescent(0.1)).seed(5).steps(9).epochs(3).batchSize(8).plan());
        assertEquals("3 epochs of whole-data-set batches, seed 0",
                Trainer.of(line, new GradientDescent(0.1)).epochs(3).plan().toString());
    }

    @Test
    void epochsTimesBatchesThatOverflowAnIntAreRejected() {
        Trainer t = Trainer.of(line, new GradientDescent(0.1)).epochs(Integer.MAX_VALUE / 50).batchSize(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.run(start));
        assertTrue(e.getMessage().startsWith("epochs(42949672) x 100 batches per epoch (100 examples in batches of 1) "
                + "= 4294967200 steps, more than the 2147483647 a run can take"), e.getMessage());
    }

    @Test
    void aHugeStepBudgetStoppedByTheToleranceKeepsOnlyTheStepsTaken() {
        Run run = Trainer.of(line, new GradientDescent(0.2)).steps(100_000_000).tolerance(1e-6).run(start);
        assertTrue(run.converged(), run.message());
        assertTrue(run.history().steps() < 1000, "steps: " + run.history().steps());
        // the start, then one point per update; the converged step makes no update
        assertEquals(run.history().steps(), run.history().params().length);
        assertEquals(run.stopStep() + 1, run.history().steps());
        assertTrue(run.reason().startsWith("gradient norm "), run.reason());
    }

    @Test
    void callbacksSeeTheRunStartTheTransformedGradientTheRateAndEpochs() {
        List<String> events = new ArrayList<>();
        double[] largestUsedNorm = {0};
        Callback spy = new Callback() {
            @Override
            public void onRunStart(RunInfo run) {
                events.add("start " + run.totalSteps() + " " + run.epochs() + " " + run.stepsPerEpoch());
            }

            @Override
            public void onStepEnd(Step s) {
                largestUsedNorm[0] = Math.max(largestUsedNorm[0], Vec.norm(s.gradient()));
                if (s.step() == 12) {
                    events.add("rate " + s.learningRate());
                }
            }

            @Override
            public void onEpochEnd(int epoch, double[] params, double loss) {
                events.add("epoch " + epoch);
            }
        };
        Run run = Trainer.of(line, new GradientDescent(0.1)).epochs(2).batchSize(10).schedule(Schedules.stepDecay(10, 0.5))
                .transform(new ClipByGlobalNorm(0.5)).callback(spy).run(start);
        assertEquals(List.of("start 20 2 10", "epoch 0", "rate 0.05", "epoch 1"), events);
        assertTrue(largestUsedNorm[0] <= 0.5, "the optimizer got the clipped gradient: " + largestUsedNorm[0]);
        assertTrue(run.history().gradientNorm()[0] > 0.5, "the history keeps the raw norm");
    }

    @Test
    void aStopConditionEndsTheRunWithItsReason() {
        Callback patience = new Callback() {
            @Override
            public Stop check(Step s) {
                return s.loss() < 1.0 ? Stop.stopped("loss below 1") : null;
            }
        };
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(500).callback(patience).run(start);
        assertEquals(Run.Status.STOPPED, run.status());
        assertEquals("loss below 1", run.reason());
        assertTrue(run.message().contains("stopped at step " + run.stopStep() + ": loss below 1"), run.message());
        assertTrue(run.history().loss()[run.stopStep()] < 1.0 && run.history().loss()[run.stopStep() - 1] >= 1.0);
    }

    @Test
    void aLayerMonitorSizesItselfForTheRun() {
        LayerMonitor monitor = LayerMonitor.of(line);
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(300).listener(monitor).run(start);
        assertEquals(300, monitor.steps());
        double[] combined = new double[300];
        for (int b = 0; b < monitor.blocks().count(); b++) {
            double[] block = monitor.norms(b);
            for (int t = 0; t < 300; t++) {
                combined[t] = Math.hypot(combined[t], block[t]);
            }
        }
        assertArrayEquals(run.history().gradientNorm(), combined, 1e-12);
        Trainer.of(line, new GradientDescent(0.1)).steps(5).listener(monitor).run(start);
        assertEquals(5, monitor.steps());
    }

    @Test
    void aRuleWithOnlyAFixedRateRunsAtAConstantRateAndExplainsASchedule() {
        Optimizer fixed = new Optimizer() {
            @Override
            public void step(double[] params, double[] gradient) {
                for (int i = 0; i < params.length; i++) {
                    params[i] -= 0.1 * gradient[i];
                }
            }

            @Override
            public double learningRate() {
                return 0.1;
            }

            @Override
            public void reset() {
            }

            @Override
            public String describe() {
                return "Fixed(lr=0.1)";
            }
        };
        Run plain = Trainer.of(line, new GradientDescent(0.1)).steps(20).run(start);
        assertArrayEquals(plain.params(), Trainer.of(line, fixed).steps(20).run(start).params());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Trainer.of(line, fixed).steps(20).schedule(Schedules.warmup(5)).run(start));
        assertTrue(e.getMessage().contains("implement step(params, gradient, learningRate)"), e.getMessage());
        // the failed run released the optimizer
        Trainer.of(line, fixed).steps(2).run(start);
    }

    @Test
    void theScheduledRateIsPassedAndTheBaseRateNeverChanges() {
        GradientDescent gd = new GradientDescent(0.1);
        double[] p = {0, 0};
        double[] g = {1, -2};
        gd.step(p, g, 0.5);
        assertArrayEquals(new double[] {-0.5, 1.0}, p);
        gd.step(p, g);
        assertArrayEquals(new double[] {-0.6, 1.2}, p, 1e-15);
        assertEquals(0.1, gd.learningRate());
        assertEquals("GD(lr=0.100)", gd.toString());
        assertThrows(IllegalArgumentException.class, () -> gd.step(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> gd.step(new double[2], new double[2], 0));
    }
}
