package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import gdkit.model.ParameterBlocks;
import gdkit.optim.functions.Quadratic;
import gdkit.train.Run;
import gdkit.train.Trainer;

class GradientNormalizationTest {
    private final ParameterBlocks blocks = ParameterBlocks.builder().add("a", 4).add("b", 3).build();

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void everyGradientGetsTheTargetLengthAndKeepsItsDirection() {
        Random rng = new Random(4);
        for (double scale : new double[] {1e-6, 0.3, 1, 50, 1e8}) {
            double[] raw = new double[7];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = scale * rng.nextGaussian();
            }
            double[] g = raw.clone();
            new GradientNormalization(2.5).apply(g, blocks);
            assertEquals(2.5, norm(g), 1e-14);
            double factor = g[0] / raw[0];
            assertEquals(2.5 / norm(raw), factor, 1e-12 * factor);
            for (int i = 0; i < g.length; i++) {
                assertEquals(factor * raw[i], g[i], 1e-13 * Math.abs(g[i]));
            }
        }
    }

    @Test
    void theWholeGradientIsOneVectorWhateverTheBlocks() {
        double[] g = {3, 0, 0, 0, 4, 0, 0};
        new GradientNormalization().apply(g, blocks);
        assertArrayEquals(new double[] {0.6, 0, 0, 0, 0.8, 0, 0}, g, 1e-15);
    }

    @Test
    void gradientsWhoseSquaresOverflowOrUnderflowAreStillNormalized() {
        double[] huge = {3e300, -4e300, 0, 0, 0, 0, 0};
        new GradientNormalization().apply(huge, blocks);
        assertArrayEquals(new double[] {0.6, -0.8, 0, 0, 0, 0, 0}, huge, 1e-15);
        double[] tiny = {0, 0, 3e-310, 0, 0, 4e-310, 0};   // subnormal: the squares are 0
        new GradientNormalization().apply(tiny, blocks);
        assertArrayEquals(new double[] {0, 0, 0.6, 0, 0, 0.8, 0}, tiny, 1e-12);
    }

    @Test
    void zeroAndNonFiniteGradientsAreLeftAlone() {
        double[] zero = new double[7];
        new GradientNormalization().apply(zero, blocks);
        assertArrayEquals(new double[7], zero);
        double[] nan = {1, Double.NaN, 2, 0, 0, 0, 0};
        new GradientNormalization().apply(nan, blocks);
        assertArrayEquals(new double[] {1, Double.NaN, 2, 0, 0, 0, 0}, nan);
        double[] inf = {1, Double.POSITIVE_INFINITY, 2, 0, 0, 0, 0};
        new GradientNormalization().apply(inf, blocks);
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY, 2, 0, 0, 0, 0}, inf);
    }

    @Test
    void badTargetNormsAreRejectedWithAMessage() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientNormalization(bad));
            assertEquals("norm must be a finite number > 0, got " + bad, e.getMessage());
        }
    }

    @Test
    void aGradientOfTheWrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientNormalization().apply(new double[5], blocks));
        assertEquals("gradient has length 5, expected 7", e.getMessage());
    }

    @Test
    void everyStepHasLengthLearningRateTimesNorm() {
        Quadratic q = Quadratic.diagonal(1, 10);
        Run run = Trainer.of(q, new GradientDescent(0.05)).transform(new GradientNormalization(2)).steps(50)
                .run(new double[] {30, -20});
        double[][] path = run.history().params();
        for (int k = 0; k + 1 < path.length; k++) {
            double dx = path[k + 1][0] - path[k][0];
            double dy = path[k + 1][1] - path[k][1];
            assertEquals(0.1, Math.hypot(dx, dy), 1e-12);
        }
    }

    @Test
    void nearTheMinimumNormalizationKeepsSteppingWhileClippingConverges() {
        Quadratic q = Quadratic.diagonal(1, 4);
        double[] start = {5, 5};
        Run normalized = Trainer.of(q, new GradientDescent(0.1)).transform(new GradientNormalization()).steps(2000).run(start);
        Run clipped = Trainer.of(q, new GradientDescent(0.1)).transform(new ClipByGlobalNorm(1)).steps(2000).run(start);
        assertTrue(q.distanceToMinimum(clipped.params()) < 1e-12, "clipped: " + q.distanceToMinimum(clipped.params()));
        // with step 0.1 the normalized iterate can never settle: it ends up hopping around the minimum
        double last = 0;
        for (double[] point : normalized.history().params()) {
            last = q.distanceToMinimum(point);
        }
        assertTrue(last > 1e-3 && last < 0.1, "normalized: " + last);
        double[] norms = normalized.history().gradientNorm();
        assertTrue(norms[norms.length - 1] > 1e-3, "the raw gradient never becomes small: " + norms[norms.length - 1]);
    }

    @Test
    void describesItself() {
        assertEquals("GradientNormalization(norm=1.00)", new GradientNormalization().toString());
    }
}
