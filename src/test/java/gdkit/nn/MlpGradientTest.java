package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;

/**
 * Every hand-written gradient of the nn package against central finite differences. The error is
 * measured per parameter block (a layer's W or b), relative to the largest gradient entry of that
 * block, so a wrong formula in a layer with small gradients is caught as well as one in a layer
 * with large ones, while the finite differences' own round-off (about 1e-11 absolute with
 * h = 1e-5) does not count against tiny entries.
 */
class MlpGradientTest {
    /** A correct gradient gives about 1e-9; any mistake in a formula gives well above 1e-3. */
    private static final double TOLERANCE = 1e-6;
    private static final double H = 1e-5;

    /** max over blocks of max_i |analytic_i - numeric_i| / max_i |numeric_i| (i in the block). */
    static double blockRelativeError(gdkit.model.Objective f, double[] p) {
        double[] a = GradientCheck.analytic(f, p);
        double[] n = GradientCheck.numerical(f, p, H);
        gdkit.model.ParameterBlocks blocks = f.blocks();
        double worst = 0;
        for (int b = 0; b < blocks.count(); b++) {
            double err = 0;
            double scale = 1e-12;
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                err = Math.max(err, Math.abs(a[i] - n[i]));
                scale = Math.max(scale, Math.abs(n[i]));
            }
            worst = Math.max(worst, err / scale);
        }
        return worst;
    }

    static DMatrixRMaj randomMatrix(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    static double[] randomParams(Mlp net, double std, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[net.dimension()];
        for (int i = 0; i < p.length; i++) {
            p[i] = std * rng.nextGaussian();
        }
        return p;
    }

    static void assertGradient(gdkit.model.Objective f, double[] p, String what) {
        double err = blockRelativeError(f, p);
        assertTrue(err < TOLERANCE, what + ": block relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "RELU", "TANH", "SIGMOID"})
    void hiddenActivationGradientWithMse(Activation activation) {
        Mlp net = Mlp.builder(3).dense(5, activation).dense(2, Activation.IDENTITY).build();
        MlpObjective f = net.objective(randomMatrix(7, 3, 1), Targets.values(randomMatrix(7, 2, 2)), Loss.MSE);
        double[] p = randomParams(net, 0.8, 3);
        assertGradient(f, p, activation + " hidden layer");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void outputActivationGradientWithMse(Activation activation) {
        Mlp net = Mlp.builder(4).dense(3, Activation.TANH).dense(3, activation).build();
        MlpObjective f = net.objective(randomMatrix(6, 4, 4), Targets.values(randomMatrix(6, 3, 5)), Loss.MSE);
        double[] p = randomParams(net, 0.8, 6);
        assertGradient(f, p, activation + " output layer");
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "RELU", "TANH", "SIGMOID"})
    void hiddenActivationGradientWithCrossEntropy(Activation activation) {
        Mlp net = Mlp.builder(3).dense(6, activation).dense(4, Activation.IDENTITY).build();
        MlpObjective f = net.objective(randomMatrix(9, 3, 7), Targets.randomClasses(9, 4, 8),
                Loss.SOFTMAX_CROSS_ENTROPY);
        double[] p = randomParams(net, 0.8, 9);
        assertGradient(f, p, activation + " with cross-entropy");
    }

    @Test
    void doubleSoftmaxGradientIsStillExactForWhatItComputes() {
        Mlp net = Mlp.builder(3).dense(6, Activation.RELU).dense(4, Activation.SOFTMAX).build();
        MlpObjective f = net.objective(randomMatrix(9, 3, 10), Targets.randomClasses(9, 4, 11),
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertGradient(f, randomParams(net, 0.8, 12), "softmax output layer + softmax cross-entropy");
    }

    @Test
    void deepMixedNetworkGradientForBothLosses() {
        Mlp net = Mlp.builder(4).dense(6, "relu").dense(5, "tanh").dense(5, "sigmoid").dense(3, "identity").build();
        DMatrixRMaj x = randomMatrix(8, 4, 13);
        double[] p = randomParams(net, 0.9, 14);
        MlpObjective mse = net.objective(x, Targets.values(randomMatrix(8, 3, 15)), Loss.MSE);
        MlpObjective ce = net.objective(x, Targets.randomClasses(8, 3, 16), Loss.SOFTMAX_CROSS_ENTROPY);
        assertGradient(mse, p, "MSE");
        assertGradient(ce, p, "cross-entropy");
    }

    @Test
    void miniBatchGradientIsTheGradientOfTheBatchLoss() {
        Mlp net = Mlp.builder(3).dense(5, "tanh").dense(3, "identity").build();
        DMatrixRMaj x = randomMatrix(10, 3, 17);
        Targets y = Targets.randomClasses(10, 3, 18);
        MlpObjective all = net.objective(x, y, Loss.SOFTMAX_CROSS_ENTROPY);
        int[] order = {7, 2, 9, 0, 4, 1, 3, 5, 6, 8};
        int[] picked = {9, 0, 4, 1};
        DMatrixRMaj bx = new DMatrixRMaj(4, 3);
        int[] by = new int[4];
        for (int r = 0; r < 4; r++) {
            System.arraycopy(x.data, picked[r] * 3, bx.data, r * 3, 3);
            by[r] = y.label(picked[r]);
        }
        Mlp twin = Mlp.builder(3).dense(5, "tanh").dense(3, "identity").build();
        MlpObjective batch = twin.objective(bx, Targets.classes(by, 3), Loss.SOFTMAX_CROSS_ENTROPY);
        double[] p = randomParams(net, 0.7, 19);
        double[] g = new double[net.dimension()];
        double loss = all.batchLossAndGradient(p, order, 2, 6, g);
        assertEquals(batch.loss(p), loss, 1e-12);
        assertArrayEquals(GradientCheck.numerical(batch, p, H), g, 1e-7);
        // the full gradient is untouched by the batch call's buffers
        assertGradient(all, p, "full batch after a mini-batch");
    }

    @Test
    void layerAccessorsMatchTheFlatGradientAndTheActivation() {
        Mlp net = Mlp.builder(3).dense(4, "sigmoid").dense(2, "identity").build();
        MlpObjective f = net.objective(randomMatrix(5, 3, 20), Targets.values(randomMatrix(5, 2, 21)), Loss.MSE);
        double[] p = randomParams(net, 1, 22);
        double[] g = new double[net.dimension()];
        f.lossAndGradient(p, g);
        Dense first = net.layer(1);
        DMatrixRMaj z = first.preActivations();
        DMatrixRMaj a = first.activations();
        for (int i = 0; i < z.data.length; i++) {
            assertEquals(1 / (1 + Math.exp(-z.data[i])), a.data[i], 1e-15);
        }
        int w = net.blocks().names().indexOf("layer1.W");
        int b = net.blocks().names().indexOf("layer1.b");
        double[] gw = java.util.Arrays.copyOfRange(g, net.blocks().start(w), net.blocks().end(w));
        double[] gb = java.util.Arrays.copyOfRange(g, net.blocks().start(b), net.blocks().end(b));
        assertArrayEquals(gw, first.weightGradient().data, 0);
        assertArrayEquals(gb, first.biasGradient().data, 0);
        // dL/db sums dL/dz over the batch in the same order as EJML's column sums: the same bits
        DMatrixRMaj sums = org.ejml.dense.row.CommonOps_DDRM.sumCols(first.preActivationGradient(), null);
        for (int j = 0; j < gb.length; j++) {
            assertEquals(Double.doubleToRawLongBits(sums.data[j]), Double.doubleToRawLongBits(gb[j]), "db[" + j + "]");
        }
        assertEquals(5, first.activationGradient().numRows);
        // the output of layer 1 is the input of layer 2
        assertArrayEquals(a.data, net.layer(2).input().data, 0);
    }
}
