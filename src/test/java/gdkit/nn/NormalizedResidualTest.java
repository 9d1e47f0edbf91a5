package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Layer normalization and residual blocks: forward values by hand, backward against finite differences. */
class NormalizedResidualTest {
    @Test
    void layerNormCentresAndScalesEachRow() {
        DMatrixRMaj u = new DMatrixRMaj(new double[][] {{1, 2, 3}, {10, 10, 10}});
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        new LayerNorm().forward(u, z);
        // row 1: mean 2, variance 2/3
        double r = 1 / Math.sqrt(2.0 / 3 + LayerNorm.EPSILON);
        assertArrayEquals(new double[] {-r, 0, r, 0, 0, 0}, z.data, 1e-15);
    }

    @Test
    void layerNormBackwardMatchesFiniteDifferences() {
        DMatrixRMaj u = MlpGradientTest.randomMatrix(3, 5, 1);
        DMatrixRMaj g = MlpGradientTest.randomMatrix(3, 5, 2);
        LayerNorm ln = new LayerNorm();
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        ln.forward(u, z);
        DMatrixRMaj gradU = new DMatrixRMaj(1, 1);
        ln.backward(z, g, gradU);
        double h = 1e-6;
        for (int i = 0; i < u.data.length; i++) {
            double keep = u.data[i];
            u.data[i] = keep + h;
            double up = dot(g, ln, u);
            u.data[i] = keep - h;
            double down = dot(g, ln, u);
            u.data[i] = keep;
            assertEquals((up - down) / (2 * h), gradU.data[i], 1e-8, "entry " + i);
        }
    }

    private static double dot(DMatrixRMaj g, LayerNorm ln, DMatrixRMaj u) {
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        ln.forward(u, z);
        double s = 0;
        for (int i = 0; i < z.data.length; i++) {
            s += g.data[i] * z.data[i];
        }
        return s;
    }

    /** x = [[1, -2]], W = I, b = [0.5, 0], identity: a residual block gives x + (x W + b) = [[2.5, -4]]. */
    @Test
    void residualBlockAddsItsInputByHand() {
        Mlp net = Mlp.builder(2).residual(Activation.IDENTITY).build();
        DMatrixRMaj out = net.predict(new double[] {1, 0, 0, 1, 0.5, 0}, new DMatrixRMaj(new double[][] {{1, -2}}));
        assertArrayEquals(new double[] {2.5, -4}, out.data, 0);
        // and dL/dx = dL/da (identity path) + dL/da W^T: 2 dL/da for W = I
        Mlp two = Mlp.builder(2).dense(2, Activation.IDENTITY).residual(Activation.IDENTITY).build();
        double[] p = {1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0};
        two.forward(p, new DMatrixRMaj(new double[][] {{1, -2}}));
        two.backward(new DMatrixRMaj(new double[][] {{1, 3}}), new double[two.dimension()]);
        assertArrayEquals(new double[] {2, 6}, two.layer(1).activationGradient().data, 0);
        assertTrue(two.layer(2).residual() && !two.layer(2).normalized());
        assertEquals("2 -> 2 identity -> 2 identity residual", two.describe());
    }

    @Test
    void aResidualBlockNeedsAsManyUnitsAsInputs() {
        assertThrows(IllegalArgumentException.class, () -> new Dense(1, 3, 2, Activation.TANH, 0, false, true));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(3).layerNormDense(2, Activation.SOFTMAX));
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"IDENTITY", "RELU", "TANH", "SIGMOID"})
    void gradientsOfEveryBlockKindMatchFiniteDifferences(Activation f) {
        Mlp net = Mlp.builder(4).dense(5, f).layerNormDense(5, f).residual(f).layerNormResidual(f)
                .dense(2, Activation.IDENTITY).build();
        DMatrixRMaj x = MlpGradientTest.randomMatrix(7, 4, 3);
        MlpObjective loss = net.objective(x, Targets.values(MlpGradientTest.randomMatrix(7, 2, 4)), Loss.MSE);
        MlpGradientTest.assertGradient(loss, MlpGradientTest.randomParams(net, 0.5, 5), f + " blocks");
    }

    @Test
    void gradientsOfNormalizedBlocksWithCrossEntropyAndMiniBatches() {
        Mlp net = Mlp.builder(3).layerNormDense(6, Activation.TANH).layerNormResidual(Activation.SIGMOID)
                .residual(Activation.RELU).dense(3, Activation.IDENTITY).build();
        DMatrixRMaj x = MlpGradientTest.randomMatrix(9, 3, 6);
        MlpObjective loss = net.objective(x, Targets.classes(new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, 3),
                Loss.SOFTMAX_CROSS_ENTROPY);
        MlpGradientTest.assertGradient(loss, MlpGradientTest.randomParams(net, 0.7, 7), "mixed blocks, cross-entropy");
    }
}
