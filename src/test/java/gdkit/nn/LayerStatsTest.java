package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LayerStatsTest {
    /**
     * x = [[1, 2], [-1, 1]]; layer 1: W = I, b = [0, -1.5], ReLU; layer 2: W = [2, 4]^T, b = 0,
     * identity; output gradient [1, 3]^T. By hand: z1 = [[1, .5], [-1, -.5]], a1 = [[1, .5], [0, 0]],
     * z2 = a2 = [4, 0]^T, dL/dz2 = [1, 3]^T, dL/dz1 = [[2, 4], [0, 0]].
     */
    @Test
    void matchesAHandComputedTwoLayerPass() {
        Mlp net = Mlp.builder(2).dense(2, Activation.RELU).dense(1, Activation.IDENTITY).build();
        double[] p = {1, 0, 0, 1, 0, -1.5, 2, 4, 0};
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {-1, 1}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{1}, {3}});
        LayerStats s = LayerStats.measure(net, p, x, g);
        assertEquals(2, s.depth());
        assertArrayEquals(new double[] {0.375, 2}, s.activationMean(), 1e-15);
        assertArrayEquals(new double[] {0.171875, 4}, s.activationVariance(), 1e-15);
        assertArrayEquals(new double[] {0.625, 4}, s.preActivationVariance(), 1e-15);
        assertArrayEquals(new double[] {2.75, 1}, s.gradientVariance(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0}, s.saturatedFraction(), 0);
    }

    /**
     * The signal variance by hand. In the two-layer case above, a1 = [[1, .5], [0, 0]]: unit 1 varies
     * as (1, 0) over the batch (variance .25), unit 2 as (.5, 0) (variance .0625), mean .15625,
     * while the pooled variance is .171875. With offsets that are the same for every example,
     * x = [[1], [-1]], W = [1, 1], b = [5, -5], identity: a = [[6, -4], [4, -6]]; each unit varies by
     * +-1 across the batch (signal variance 1), but the pooled variance counts the offsets +-5 (26).
     */
    @Test
    void signalVarianceIsTheAcrossExampleVariancePerUnitAveragedOverUnits() {
        Mlp net = Mlp.builder(2).dense(2, Activation.RELU).dense(1, Activation.IDENTITY).build();
        LayerStats s = LayerStats.measure(net, new double[] {1, 0, 0, 1, 0, -1.5, 2, 4, 0},
                new DMatrixRMaj(new double[][] {{1, 2}, {-1, 1}}), new DMatrixRMaj(new double[][] {{1}, {3}}));
        assertArrayEquals(new double[] {0.15625, 4}, s.signalVariance(), 1e-15);
        Mlp offsets = Mlp.builder(1).dense(2, Activation.IDENTITY).build();
        LayerStats o = LayerStats.measure(offsets, new double[] {1, 1, 5, -5}, new DMatrixRMaj(new double[][] {{1}, {-1}}),
                new DMatrixRMaj(2, 2));
        assertEquals(1, o.signalVariance()[0], 1e-15);
        assertEquals(26, o.activationVariance()[0], 1e-15);
    }

    @Test
    void saturationThresholdsOfTanhSigmoidAndSoftmax() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{-5}, {-3}, {-2}, {0}, {2}, {3}, {5}});
        DMatrixRMaj g = new DMatrixRMaj(7, 1);
        Mlp tanh = Mlp.builder(1).dense(1, Activation.TANH).build();
        Mlp sigmoid = Mlp.builder(1).dense(1, Activation.SIGMOID).build();
        double[] identity = {1, 0};
        // tanh passes < 5 % of its best slope beyond |z| = 2.18, sigmoid beyond |z| = 4.34
        assertEquals(4.0 / 7, LayerStats.measure(tanh, identity, z, g).saturatedFraction()[0], 0);
        assertEquals(2.0 / 7, LayerStats.measure(sigmoid, identity, z, g).saturatedFraction()[0], 0);
        Mlp softmax = Mlp.builder(1).dense(2, Activation.SOFTMAX).build();
        LayerStats s = LayerStats.measure(softmax, new double[] {1, -1, 0, 0}, z, new DMatrixRMaj(7, 2));
        assertTrue(Double.isNaN(s.saturatedFraction()[0]));
    }

    /**
     * The fan-in argument in numbers: a ReLU layer keeps E[relu(z)^2] = Var(z) / 2, so with weight
     * variance v the next pre-activation variance is n v Var(z) / 2: halved per layer with
     * Xavier (v = 1/n for equal fans), kept with He (v = 2/n).
     */
    @Test
    void reluPreActivationVarianceHalvesPerLayerWithXavierAndStaysWithHe() {
        int width = 200;
        int depth = 10;
        Mlp.Builder b = Mlp.builder(width);
        for (int k = 0; k < depth; k++) {
            b.dense(width, Activation.RELU);
        }
        Mlp net = b.build();
        Random rng = new Random(5);
        DMatrixRMaj x = new DMatrixRMaj(100, width);
        DMatrixRMaj g = new DMatrixRMaj(100, width);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
            g.data[i] = rng.nextGaussian();
        }
        double xavier = perLayerFactor(LayerStats.measure(net, net.initialize(Init.xavierNormal(), 1), x, g));
        double he = perLayerFactor(LayerStats.measure(net, net.initialize(Init.heNormal(), 1), x, g));
        assertEquals(0.5, xavier, 0.05);
        assertEquals(1.0, he, 0.1);
    }

    /** Geometric mean of Var(z) at layer k+1 over Var(z) at layer k. */
    private static double perLayerFactor(LayerStats s) {
        double[] v = s.preActivationVariance();
        return Math.pow(v[v.length - 1] / v[0], 1.0 / (v.length - 1));
    }

    @Test
    void shapeMismatchesAreReported() {
        Mlp net = Mlp.builder(3).dense(4, Activation.TANH).dense(2, Activation.IDENTITY).build();
        double[] p = net.initialize(Init.xavierNormal(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerStats.measure(net, p, new DMatrixRMaj(5, 3), new DMatrixRMaj(5, 3)));
        assertTrue(e.getMessage().contains("output gradient is 5x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LayerStats.measure(net, p, new DMatrixRMaj(5, 2), new DMatrixRMaj(5, 2)));
    }
}
