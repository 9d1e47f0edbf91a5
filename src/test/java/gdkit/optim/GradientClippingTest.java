package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.ParameterBlocks;
import gdkit.train.Run;
import gdkit.train.Trainer;

class GradientClippingTest {
    /** Three blocks of very different gradient sizes, like the layers of a deep network. */
    private final ParameterBlocks blocks = ParameterBlocks.builder().add("a", 4).add("b", 3).add("c", 5).build();

    private double[] gradient(long seed, double... blockScales) {
        Random rng = new Random(seed);
        double[] g = new double[blocks.dimension()];
        for (int b = 0; b < blocks.count(); b++) {
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                g[i] = blockScales[b] * rng.nextGaussian();
            }
        }
        return g;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static double cosine(double[] u, double[] v) {
        return dot(u, v) / (norm(u) * norm(v));
    }

    private double blockCosine(double[] u, double[] v, int b) {
        double uv = 0;
        for (int i = blocks.start(b); i < blocks.end(b); i++) {
            uv += u[i] * v[i];
        }
        return uv / (blocks.norm(u, b) * blocks.norm(v, b));
    }

    @Test
    void globalNormClippingCapsTheNormAndKeepsTheDirection() {
        for (long seed = 0; seed < 20; seed++) {
            double[] raw = gradient(seed, 100, 1, 0.01);
            double[] g = raw.clone();
            ClipByGlobalNorm clip = new ClipByGlobalNorm(2.5);
            clip.apply(g, blocks);
            assertTrue(norm(g) <= 2.5, "norm after clipping " + norm(g));
            assertEquals(2.5, norm(g), 1e-5);
            assertEquals(1.0, cosine(raw, g), 1e-12);
        }
    }

    @Test
    void globalNormClippingIsOneCommonScaleEqualToPyTorchsFactor() {
        double[] raw = gradient(3, 50, 2, 0.1);
        double[] g = raw.clone();
        ClipByGlobalNorm clip = new ClipByGlobalNorm(1.0);
        clip.apply(g, blocks);
        double expected = 1.0 / (norm(raw) + 1e-6); // torch: max_norm / (total_norm + 1e-6), clamped to 1
        for (int i = 0; i < g.length; i++) {
            assertEquals(expected, g[i] / raw[i], 1e-12, "element " + i);
        }
        for (int b = 0; b < blocks.count(); b++) {
            assertEquals(expected, blocks.norm(g, b) / blocks.norm(raw, b), 1e-12, "block " + b);
        }
    }

    @Test
    void perBlockNormClippingCapsEachBlockAndKeepsEachBlocksDirection() {
        for (long seed = 0; seed < 20; seed++) {
            double[] raw = gradient(seed, 100, 10, 0.01);
            double[] g = raw.clone();
            ClipByNorm clip = new ClipByNorm(1.5);
            clip.apply(g, blocks);
            for (int b = 0; b < blocks.count(); b++) {
                assertTrue(blocks.norm(g, b) <= 1.5, "block " + b + " norm " + blocks.norm(g, b));
                assertEquals(1.0, blockCosine(raw, g, b), 1e-12);
            }
            assertEquals(1.5, blocks.norm(g, 0), 1e-5);
            assertEquals(1.5, blocks.norm(g, 1), 1e-5);
            // the small block is untouched, bit for bit
            for (int i = blocks.start(2); i < blocks.end(2); i++) {
                assertEquals(raw[i], g[i]);
            }
            // the whole gradient turns: the small block now weighs relatively more
            assertTrue(cosine(raw, g) < 0.999, "whole-gradient cosine " + cosine(raw, g));
        }
    }

    @Test
    void valueClippingBoundsElementsAndChangesTheDirection() {
        double[] raw = {5.0, -0.2, 0.1, -3.0, 0.05, 2.0, -0.01, 0.3, 0.0, -7.0, 0.4, 0.6};
        double[] g = raw.clone();
        ClipByValue clip = new ClipByValue(0.5);
        clip.apply(g, blocks);
        assertArrayEquals(new double[] {0.5, -0.2, 0.1, -0.5, 0.05, 0.5, -0.01, 0.3, 0.0, -0.5, 0.4, 0.5}, g);
        double cos = cosine(raw, g);
        assertTrue(cos < 0.9, "cosine " + cos);
        assertTrue(dot(raw, g) > 0, "value clipping keeps signs, so it is still a descent direction");
    }

    @Test
    void gradientsBelowTheThresholdAreUnchangedBitForBit() {
        double[] raw = gradient(5, 0.1, 0.2, 0.05);
        GradientClipping[] clippers = {new ClipByValue(1.0), new ClipByNorm(1.0), new ClipByGlobalNorm(1.0)};
        for (GradientClipping clip : clippers) {
            double[] g = raw.clone();
            clip.apply(g, blocks);
            assertArrayEquals(raw, g, clip.toString());
        }
    }

    @Test
    void badThresholdsAreRejectedNamingTheParameterAndRange() {
        double[] bad = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double c : bad) {
            var e1 = assertThrows(IllegalArgumentException.class, () -> new ClipByGlobalNorm(c));
            assertEquals("maxNorm must be a finite number > 0, got " + c, e1.getMessage());
            var e2 = assertThrows(IllegalArgumentException.class, () -> new ClipByNorm(c));
            assertEquals("maxNorm must be a finite number > 0, got " + c, e2.getMessage());
            var e3 = assertThrows(IllegalArgumentException.class, () -> new ClipByValue(c));
            assertEquals("clipValue must be a finite number > 0, got " + c, e3.getMessage());
        }
    }

    @Test
    void wrongGradientLengthIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ClipByValue(1).apply(new double[3], blocks));
        assertEquals("gradient has length 3, expected 12", e.getMessage());
    }

    @Test
    void nonFiniteGradientIsLeftUnchanged() {
        double[] g = gradient(1, 1, 1, 1);
        g[2] = Double.POSITIVE_INFINITY;
        double[] raw = g.clone();
        ClipByGlobalNorm clip = new ClipByGlobalNorm(1.0);
        clip.apply(g, blocks);
        assertArrayEquals(raw, g);
    }

    @Test
    void clippingKeepsAnOverLargeStepFiniteInTheTrainer() {
        LinearRegression model = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));
        double lambdaMax = gdkit.model.Spectrum.of(model.hessian()).max();
        double lr = 1.1 * 2 / lambdaMax;
        Run plain = Trainer.of(model, new GradientDescent(lr)).steps(400).run(new double[2]);
        Run clipped = Trainer.of(model, new GradientDescent(lr)).steps(400).transform(new ClipByGlobalNorm(0.5))
                .run(new double[2]);
        assertTrue(plain.diverged());
        assertTrue(!clipped.diverged() && Double.isFinite(clipped.finalLoss()));
    }
}
