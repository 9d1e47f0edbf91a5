package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empirical moments of large draws against each scheme's formula. With N = 200 x 300 = 60,000
 * draws the sample variance has a relative standard error of sqrt(2/N) = 0.6 % (normal) or
 * sqrt(0.8/N) = 0.4 % (uniform), so the stated tolerance of 3 % is more than 5 standard errors,
 * while confusing fan-in with fan-out (200 vs 300) or He with Xavier changes the variance by 33 %
 * or more.
 */
class InitTest {
    private static final int FAN_IN = 200;
    private static final int FAN_OUT = 300;
    private static final double RELATIVE_TOLERANCE = 0.03;

    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of(Init.uniform(0.5), 0.25 / 3),
                Arguments.of(Init.normal(0.3), 0.09),
                Arguments.of(Init.xavierUniform(), 2.0 / (FAN_IN + FAN_OUT)),
                Arguments.of(Init.xavierNormal(), 2.0 / (FAN_IN + FAN_OUT)),
                Arguments.of(Init.heUniform(), 2.0 / FAN_IN),
                Arguments.of(Init.heNormal(), 2.0 / FAN_IN),
                Arguments.of(Init.orthogonal(), 1.0 / FAN_OUT),
                Arguments.of(Init.orthogonal(2), 4.0 / FAN_OUT));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void empiricalVarianceMatchesTheFormula(Init init, double expected) {
        assertEquals(expected, init.variance(FAN_IN, FAN_OUT), 1e-15, init + " formula");
        double[] w = init.sample(FAN_IN, FAN_OUT, 7).data;
        double mean = Arrays.stream(w).average().orElseThrow();
        double var = Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / w.length;
        assertEquals(expected, var, RELATIVE_TOLERANCE * expected, init + " empirical variance");
        assertEquals(0, mean, 5 * Math.sqrt(expected / w.length), init + " mean");
    }

    @Test
    void uniformSchemesStayWithinTheirLimit() {
        double he = Math.sqrt(6.0 / FAN_IN);
        double[] w = Init.heUniform().sample(FAN_IN, FAN_OUT, 1).data;
        assertTrue(Arrays.stream(w).allMatch(v -> Math.abs(v) <= he));
        assertTrue(Arrays.stream(w).anyMatch(v -> Math.abs(v) > 0.99 * he));
    }

    @Test
    void orthogonalColumnsOrRowsAreOrthonormal() {
        DMatrixRMaj tall = Init.orthogonal().sample(50, 20, 3);
        DMatrixRMaj gram = new DMatrixRMaj(20, 20);
        CommonOps_DDRM.multTransA(tall, tall, gram);
        assertTrue(identityError(gram) < 1e-12);
        DMatrixRMaj wide = Init.orthogonal(1.5).sample(20, 50, 4);
        DMatrixRMaj rows = new DMatrixRMaj(20, 20);
        CommonOps_DDRM.multTransB(wide, wide, rows);
        CommonOps_DDRM.scale(1 / 2.25, rows);
        assertTrue(identityError(rows) < 1e-12);
    }

    private static double identityError(DMatrixRMaj m) {
        double worst = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                worst = Math.max(worst, Math.abs(m.get(i, j) - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    @Test
    void constantsAreConstant() {
        assertTrue(Arrays.stream(Init.zeros().sample(3, 4, 1).data).allMatch(v -> v == 0));
        assertTrue(Arrays.stream(Init.constant(0.25).sample(3, 4, 1).data).allMatch(v -> v == 0.25));
        assertEquals(0, Init.constant(0.25).variance(3, 4));
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Mlp net = Mlp.builder(5).dense(7, "relu").dense(7, "relu").dense(2, "identity").build();
        for (String name : new String[] {"xavier_uniform", "glorot_normal", "he_uniform", "kaiming_normal", "orthogonal"}) {
            Init init = Init.of(name);
            assertArrayEquals(net.initialize(init, 11), net.initialize(init, 11), 0, name);
            assertFalse(Arrays.equals(net.initialize(init, 11), net.initialize(init, 12)), name);
        }
    }

    @Test
    void networkInitializationUsesEachLayersFansAndZeroBiases() {
        Mlp net = Mlp.builder(400).dense(100, "relu").dense(300, "relu").build();
        double[] p = net.initialize(Init.heNormal(), 5);
        for (Dense layer : net.layers()) {
            double[] w = Arrays.copyOfRange(p, layer.offset(), layer.biasOffset());
            double var = Arrays.stream(w).map(v -> v * v).sum() / w.length;
            assertEquals(2.0 / layer.inputs(), var, RELATIVE_TOLERANCE * 2.0 / layer.inputs(), layer.name());
            double[] b = Arrays.copyOfRange(p, layer.biasOffset(), layer.biasOffset() + layer.outputs());
            assertTrue(Arrays.stream(b).allMatch(v -> v == 0), layer.name() + " biases");
        }
    }

    @Test
    void xavierUsesBothFansOfEachLayer() {
        // layer 1 is 400 x 100, layer 2 is 100 x 300: 2 / (in + out) = 0.004 and 0.005, while
        // fan-in alone would give 0.005 and 0.02, fan-out alone 0.02 and 0.0067
        Mlp net = Mlp.builder(400).dense(100, "tanh").dense(300, "tanh").build();
        double[] p = net.initialize(Init.xavierUniform(), 9);
        for (Dense layer : net.layers()) {
            double expected = 2.0 / (layer.inputs() + layer.outputs());
            double[] w = Arrays.copyOfRange(p, layer.offset(), layer.biasOffset());
            double var = Arrays.stream(w).map(v -> v * v).sum() / w.length;
            assertEquals(expected, var, RELATIVE_TOLERANCE * expected, layer.name());
            double limit = Math.sqrt(6.0 / (layer.inputs() + layer.outputs()));
            assertTrue(Arrays.stream(w).allMatch(v -> Math.abs(v) <= limit), layer.name() + " within the Xavier limit");
        }
    }

    @Test
    void orthogonalInANetworkIsOrthogonalPerLayerAndKeepsSquareLayersNormPreserving() {
        Mlp net = Mlp.builder(30).dense(30, "identity").dense(12, "identity").dense(40, "identity").build();
        double[] p = net.initialize(Init.orthogonal(), 2);
        for (Dense layer : net.layers()) {
            int in = layer.inputs();
            int out = layer.outputs();
            DMatrixRMaj w = new DMatrixRMaj(in, out, true, Arrays.copyOfRange(p, layer.offset(), layer.biasOffset()));
            int k = Math.min(in, out);
            DMatrixRMaj gram = new DMatrixRMaj(k, k);
            if (in >= out) {
                CommonOps_DDRM.multTransA(w, w, gram);
            } else {
                CommonOps_DDRM.multTransB(w, w, gram);
            }
            assertTrue(identityError(gram) < 1e-12, layer.name());
        }
        // the square 30 x 30 first layer maps every input to an output of the same length
        DMatrixRMaj x = Init.normal(1).sample(5, 30, 3);
        net.forward(p, x);
        DMatrixRMaj a = net.layer(1).activations();
        for (int i = 0; i < 5; i++) {
            double in = 0;
            double out = 0;
            for (int j = 0; j < 30; j++) {
                in += x.get(i, j) * x.get(i, j);
                out += a.get(i, j) * a.get(i, j);
            }
            assertEquals(in, out, 1e-10 * in);
        }
    }

    @Test
    void unknownSchemeNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.of("lecun"));
        assertEquals("unknown init 'lecun'; allowed: zeros, xavier_uniform (glorot_uniform), xavier_normal "
                + "(glorot_normal), he_uniform (kaiming_uniform), he_normal (kaiming_normal), orthogonal", e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Init.of("normal"));
        assertTrue(n.getMessage().contains("Init.normal(...)"), n.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Init.normal(-1));
        assertEquals("he_normal", Init.of("Kaiming_Normal").name());
    }
}
