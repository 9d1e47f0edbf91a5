package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossTest {
    @Test
    void mseIsTheMeanOverAllEntries() {
        DMatrixRMaj out = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        Targets y = Targets.values(new DMatrixRMaj(new double[][] {{0, 2}, {3, 1}}));
        DMatrixRMaj g = new DMatrixRMaj(2, 2);
        assertEquals((1 + 0 + 0 + 9) / 4.0, Loss.MSE.evaluate(out, y, g), 1e-15);
        assertArrayEquals(new double[] {2 * 1 / 4.0, 0, 0, 2 * 3 / 4.0}, g.data, 1e-15);
    }

    @Test
    void crossEntropyMatchesTheDefinitionAndItsGradientIsPMinusY() {
        DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1, 2, 0.5}});
        Targets y = Targets.classes(new int[] {2}, 3);
        double s = Math.exp(1) + Math.exp(2) + Math.exp(0.5);
        DMatrixRMaj g = new DMatrixRMaj(1, 3);
        assertEquals(-Math.log(Math.exp(0.5) / s), Loss.SOFTMAX_CROSS_ENTROPY.evaluate(logits, y, g), 1e-14);
        assertArrayEquals(new double[] {Math.exp(1) / s, Math.exp(2) / s, Math.exp(0.5) / s - 1}, g.data, 1e-15);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1000, 0}, {-1000, 1000}});
        Targets y = Targets.classes(new int[] {1, 1}, 2);
        DMatrixRMaj g = new DMatrixRMaj(2, 2);
        double loss = Loss.SOFTMAX_CROSS_ENTROPY.evaluate(logits, y, g);
        assertEquals(1000 / 2.0, loss, 1e-12);
        assertArrayEquals(new double[] {0.5, -0.5, 0, 0}, g.data, 1e-15);
        DMatrixRMaj p = new DMatrixRMaj(2, 2);
        Loss.softmax(logits, p);
        assertArrayEquals(new double[] {1, 0, 0, 1}, p.data, 1e-15);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        DMatrixRMaj out = new DMatrixRMaj(4, 3);
        Targets y = Targets.values(new DMatrixRMaj(4, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.MSE.evaluate(out, y));
        assertTrue(e.getMessage().contains("4x3") && e.getMessage().contains("4x1"), e.getMessage());
    }

    @Test
    void crossEntropyRejectsRealTargets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.SOFTMAX_CROSS_ENTROPY.evaluate(new DMatrixRMaj(2, 1), Targets.values(new double[] {1, 2})));
        assertTrue(e.getMessage().contains("class labels"), e.getMessage());
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> Activation.of("rleu"));
        assertEquals("unknown activation 'rleu'; allowed: identity, relu, tanh, sigmoid, softmax", a.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class, () -> Loss.of("hinge"));
        assertEquals("unknown loss 'hinge'; allowed: mse, softmax_cross_entropy", l.getMessage());
        assertEquals(Activation.TANH, Activation.of(" Tanh "));
        assertEquals(Loss.MSE, Loss.of("MSE"));
    }

    @Test
    void activationDerivativesMatchFiniteDifferences() {
        for (Activation f : new Activation[] {Activation.IDENTITY, Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            for (double z : new double[] {-3, -0.4, 0.3, 2.5}) {
                double numeric = (f.apply(z + 1e-6) - f.apply(z - 1e-6)) / 2e-6;
                assertEquals(numeric, f.derivative(z), 1e-8, f + " at " + z);
            }
        }
        assertEquals(0.25, Activation.SIGMOID.derivative(0), 1e-15);
        assertEquals(1.0, Activation.SIGMOID.apply(800), 0);
        assertEquals(0.0, Activation.SIGMOID.apply(-800), 0);
    }

    @Test
    void batchLoopsComputeWhatApplyAndDerivativeDo() {
        double[] zs = {-800, -3, -0.4, 0, 0.3, 2.5, 800, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        DMatrixRMaj z = new DMatrixRMaj(1, zs.length, true, zs);
        DMatrixRMaj gradA = new DMatrixRMaj(1, zs.length, true, 0.5, -1.5, 2, 1, -0.25, 3, 0.75, 2, -1, 1, 0.5, 2, 1);
        for (Activation f : new Activation[] {Activation.IDENTITY, Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            DMatrixRMaj a = new DMatrixRMaj(1, zs.length);
            DMatrixRMaj gradZ = new DMatrixRMaj(1, zs.length);
            f.forward(z, a);
            f.backward(z, a, gradA, gradZ);
            for (int i = 0; i < zs.length; i++) {
                assertEquals(Double.doubleToRawLongBits(f.apply(zs[i])), Double.doubleToRawLongBits(a.data[i]),
                        f + " forward at " + zs[i]);
                assertEquals(Double.doubleToRawLongBits(gradA.data[i] * f.derivative(zs[i])),
                        Double.doubleToRawLongBits(gradZ.data[i]), f + " backward at " + zs[i]);
            }
        }
    }

    @Test
    void reluIsZeroAtAndBelowZeroAndKeepsNaN() {
        double[] zs = {-2, -Double.MIN_VALUE, -0.0, 0, Double.MIN_VALUE, 3, Double.POSITIVE_INFINITY, Double.NaN};
        double[] values = {0, 0, 0, 0, Double.MIN_VALUE, 3, Double.POSITIVE_INFINITY, Double.NaN};
        double[] slopes = {0, 0, 0, 0, 1, 1, 1, Double.NaN};
        for (int i = 0; i < zs.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(Activation.RELU.apply(zs[i])),
                    "relu(" + zs[i] + ") (not -0.0)");
            assertEquals(slopes[i], Activation.RELU.derivative(zs[i]), 0, "relu'(" + zs[i] + ")");
        }
    }

    @Test
    void labelsOutOfRangeAreRejectedWithTheirIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Targets.classes(new int[] {0, 2, 3}, 3));
        assertEquals("labels[2] = 3 is out of range: a class must be in [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Targets.classes(new int[] {-1}, 3));
    }

    @Test
    void classTargetsAreOneHot() {
        Targets t = Targets.classes(new int[] {1, 0}, 3);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, t.matrix().data, 0);
        assertEquals(3, t.width());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Targets.values(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
