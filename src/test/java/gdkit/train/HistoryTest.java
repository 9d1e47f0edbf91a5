package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.optim.GradientDescent;

/** The helpers notebooks used to write themselves: excess loss, distance to an optimum, growth rate. */
class HistoryTest {
    private final LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));

    @Test
    void excessLossAndDistanceToTheMinimumFallTogether() {
        double[] best = line.closedForm();
        double lossStar = line.loss(best);
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(50).run(new double[2]);
        double[] excess = run.history().excessLoss(lossStar);
        double[] loss = run.history().loss();
        for (int t = 0; t < loss.length; t++) {
            assertEquals(loss[t] - lossStar, excess[t], 0);
        }
        double[] distance = run.history().distanceTo(best);
        assertEquals(51, distance.length);
        assertEquals(Math.hypot(best[0], best[1]), distance[0], 1e-12);
        assertTrue(distance[50] < 0.1 * distance[0], "GD approaches the minimum: " + distance[50]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.history().distanceTo(new double[3]));
        assertEquals("point has length 3, expected 2", e.getMessage());
    }

    @Test
    void theGrowthRateIsTheFactorPerStepOfAGeometricSeries() {
        double[] v = new double[20];
        for (int t = 0; t < v.length; t++) {
            v[t] = 3 * Math.pow(1.5, t);
        }
        assertEquals(1.5, Health.growthRate(v, 0, 20), 1e-12);
        assertEquals(1.5, Health.growthRate(v, 10, 20), 1e-12);
        assertTrue(Double.isNaN(Health.growthRate(v, 4, 5)));
        assertThrows(IllegalArgumentException.class, () -> Health.growthRate(v, 5, 21));
    }

    @Test
    void theLearningRateIsRecordedPerStep() {
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(3).schedule(t -> 1.0 / (t + 1)).run(new double[2]);
        assertArrayEquals(new double[] {0.1, 0.05, 0.1 / 3}, run.history().learningRate(), 1e-15);
    }

    @Test
    void oneTrajectoryPointIsTheRowOfTheWholeTrajectory() {
        Run run = Trainer.of(line, new GradientDescent(0.1)).steps(5).recordParams(true).run(new double[] {1, -1});
        double[][] all = run.history().params();
        assertEquals(6, all.length);
        for (int k = 0; k < all.length; k++) {
            assertArrayEquals(all[k], run.history().paramsAt(k));
        }
        assertArrayEquals(new double[] {1, -1}, run.history().paramsAt(0));
        assertArrayEquals(run.params(), run.history().paramsAt(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.history().paramsAt(6));
        assertEquals("point must be in [0, 6), got 6", e.getMessage());
    }
}
