package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.Objective;
import gdkit.model.ParameterBlocks;
import gdkit.optim.ClipByGlobalNorm;
import gdkit.optim.ClipByNorm;
import gdkit.optim.ClipByValue;
import gdkit.optim.GradientDescent;
import gdkit.optim.GradientTransform;
import gdkit.util.Vec;

/** {@link ClipRecorder}: what a transform did, measured from the gradient before and after it. */
class ClipRecorderTest {
    /** Three blocks of very different gradient sizes, like the layers of a deep network. */
    private static final ParameterBlocks BLOCKS = ParameterBlocks.builder().add("a", 4).add("b", 3).add("c", 5).build();

    /** An objective whose gradient at step k is the k-th of the given vectors (cycling), whatever the parameters. */
    private static Objective gradients(double[]... sequence) {
        return new Objective() {
            private int calls;

            @Override
            public int dimension() {
                return BLOCKS.dimension();
            }

            @Override
            public double loss(double[] params) {
                return 1.0;
            }

            @Override
            public double lossAndGradient(double[] params, double[] gradient) {
                System.arraycopy(sequence[calls++ % sequence.length], 0, gradient, 0, gradient.length);
                return 1.0;
            }

            @Override
            public ParameterBlocks blocks() {
                return BLOCKS;
            }
        };
    }

    private static double[] gradient(long seed, double... blockScales) {
        Random rng = new Random(seed);
        double[] g = new double[BLOCKS.dimension()];
        for (int b = 0; b < BLOCKS.count(); b++) {
            for (int i = BLOCKS.start(b); i < BLOCKS.end(b); i++) {
                g[i] = blockScales[b] * rng.nextGaussian();
            }
        }
        return g;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static ClipRecorder record(GradientTransform transform, double[]... sequence) {
        ClipRecorder recorder = new ClipRecorder();
        Trainer.of(gradients(sequence), new GradientDescent(1e-3)).steps(sequence.length).transform(transform)
                .callback(recorder).run(new double[BLOCKS.dimension()]);
        return recorder;
    }

    @Test
    void recordsNormsFactorsSharesAndCosinesAsMeasured() {
        double[][] raws = {gradient(1, 10, 0.1, 0.1), gradient(2, 0.1, 0.1, 0.1), gradient(3, 0.1, 5, 0.1)};
        ClipRecorder r = record(new ClipByNorm(1.0), raws);
        assertEquals(3, r.steps());
        assertEquals(2, r.clippedSteps());
        assertEquals(3, r.blockCount());
        for (int k = 0; k < 3; k++) {
            double[] used = raws[k].clone();
            new ClipByNorm(1.0).apply(used, BLOCKS);
            double cos = dot(raws[k], used) / (Vec.norm(raws[k]) * Vec.norm(used));
            assertEquals(Vec.norm(raws[k]), r.normsBefore()[k], 1e-12);
            assertEquals(Vec.norm(used), r.normsAfter()[k], 1e-12);
            assertEquals(Vec.norm(used) / Vec.norm(raws[k]), r.scales()[k], 1e-12);
            assertEquals(k == 1 ? 1.0 : cos, r.cosines()[k], 1e-12);
        }
        // step 0 clipped block a (4 of 12 elements), step 1 nothing, step 2 block b (3 of 12)
        assertArrayEquals(new double[] {4.0 / 12, 0, 3.0 / 12}, r.fractionsClipped(), 1e-15);
        assertTrue(r.cosines()[0] < 1 - 1e-6, "per-block clipping turns the whole gradient");
        double[] scalesA = r.blockScales(0);
        assertEquals(1.0 / (BLOCKS.norm(raws[0], 0) + 1e-6), scalesA[0], 1e-12);
        assertEquals(1.0, scalesA[1]);
        assertEquals(1.0, scalesA[2]);
        assertEquals(BLOCKS.norm(raws[2], 1), r.blockNormsBefore(1)[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> r.blockScales(3));
    }

    @Test
    void globalNormClippingKeepsTheDirectionAndItsFactorIsTorchs() {
        double[] raw = gradient(3, 50, 2, 0.1);
        ClipRecorder r = record(new ClipByGlobalNorm(1.0), raw);
        assertEquals(1.0 / (Vec.norm(raw) + 1e-6), r.scales()[0], 1e-12);
        assertEquals(1.0, r.cosines()[0], 1e-12);
        assertEquals(1.0, r.fractionsClipped()[0]);
        for (int b = 0; b < 3; b++) {
            assertEquals(r.scales()[0], r.blockScales(b)[0], 1e-12, "one factor for every block");
        }
    }

    @Test
    void valueClippingTurnsTheGradient() {
        double[] raw = {5.0, -0.2, 0.1, -3.0, 0.05, 2.0, -0.01, 0.3, 0.0, -7.0, 0.4, 0.6};
        ClipRecorder r = record(new ClipByValue(0.5), raw);
        double[] used = {0.5, -0.2, 0.1, -0.5, 0.05, 0.5, -0.01, 0.3, 0.0, -0.5, 0.4, 0.5};
        assertEquals(5.0 / 12, r.fractionsClipped()[0], 1e-15);
        assertEquals(dot(raw, used) / (Vec.norm(raw) * Vec.norm(used)), r.cosines()[0], 1e-12);
        assertTrue(r.cosines()[0] < 0.9);
    }

    @Test
    void withoutATransformNothingChanges() {
        ClipRecorder r = record(null, gradient(4, 1, 1, 1), gradient(5, 1, 1, 1));
        assertEquals(0, r.clippedSteps());
        assertArrayEquals(r.normsBefore(), r.normsAfter());
        assertArrayEquals(new double[] {1, 1}, r.scales());
        assertArrayEquals(new double[] {1, 1}, r.cosines());
    }

    @Test
    void aReusedRecorderHoldsOnlyTheLastRunAndASharedClipperIsFine() {
        LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));
        ClipByGlobalNorm clip = new ClipByGlobalNorm(0.5);
        ClipRecorder recorder = new ClipRecorder();
        Trainer.of(line, new GradientDescent(0.1)).steps(300).transform(clip).callback(recorder).run(new double[2]);
        double[] first = recorder.normsBefore();
        assertEquals(300, first.length);
        for (double n : recorder.normsAfter()) {
            assertTrue(n <= 0.5, "clipped norm " + n);
        }
        Run second = Trainer.of(line, new GradientDescent(0.1)).steps(20).transform(clip).callback(recorder)
                .run(new double[] {5, 5});
        assertEquals(20, recorder.steps());
        assertEquals(20, recorder.normsBefore().length);
        assertArrayEquals(java.util.Arrays.copyOf(second.history().gradientNorm(), 20), recorder.normsBefore(), 1e-12);
        assertTrue(first[0] != recorder.normsBefore()[0]);
    }
}
