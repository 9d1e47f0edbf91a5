package gdkit.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import gdkit.nn.Activation;

class RecurrentInitAndSequencesTest {
    private final Rnn rnn = Rnn.of(1, 6, 1, Activation.TANH);

    @Test
    void spectralRadiusSchemeHitsTheRequestedRadius() {
        for (double r : new double[] {0.5, 1.0, 1.7}) {
            double[] p = rnn.initialize(RecurrentInit.spectralRadius(r), 3);
            assertEquals(r, rnn.spectralRadius(p), 1e-9);
        }
    }

    @Test
    void identityAndOrthogonalPreserveLengths() {
        DMatrixRMaj w = rnn.recurrentMatrix(rnn.initialize(RecurrentInit.identity(), 1));
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(CommonOps_DDRM.identity(6), w, 0));
        DMatrixRMaj q = rnn.recurrentMatrix(rnn.initialize(RecurrentInit.orthogonal(), 1));
        DMatrixRMaj qtq = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(CommonOps_DDRM.identity(6), qtq, 1e-12));
        assertEquals(1, rnn.spectralRadius(rnn.initialize(RecurrentInit.orthogonal(), 2)), 1e-9);
    }

    @Test
    void pytorchDefaultIsUniformWithinOneOverRootHidden() {
        Rnn wide = Rnn.of(1, 200, 1, Activation.TANH);
        double[] p = wide.initialize(RecurrentInit.pytorchDefault(), 5);
        double limit = 1 / Math.sqrt(200);
        double max = 0;
        for (int i = 0; i < 200 * 200; i++) {
            max = Math.max(max, Math.abs(p[i]));
        }
        assertTrue(max <= limit && max > 0.99 * limit, "max |W_ij| = " + max);
        assertEquals(1 / Math.sqrt(3), wide.spectralRadius(p), 0.05, "circular law");
    }

    @Test
    void sameSeedSameParametersOtherSeedOtherParameters() {
        double[] a = rnn.initialize(RecurrentInit.orthogonal(), 7);
        assertEquals(0, java.util.Arrays.compare(a, rnn.initialize(RecurrentInit.orthogonal(), 7)));
        assertTrue(java.util.Arrays.compare(a, rnn.initialize(RecurrentInit.orthogonal(), 8)) != 0);
    }

    @Test
    void recallAsksAtTheLastStepForTheFirstValue() {
        Sequences s = Sequences.recall(50, 9, 0, 4);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(s.x(i, 1, 0), s.y(i, 0));
            assertTrue(Math.abs(s.y(i, 0)) <= 1);
            for (int t = 2; t <= 9; t++) {
                assertEquals(0, s.x(i, t, 0));
            }
        }
        assertEquals(1.0 / 3, Sequences.recall(20000, 2, 0, 1).targetVariance(), 0.01);
        assertTrue(Sequences.recall(5, 4, 0.5, 1).x(0, 3, 0) != 0, "noise fills the later steps");
    }

    @Test
    void addingTargetIsTheSumOfTheTwoMarkedValues() {
        Sequences s = Sequences.adding(40, 10, 6);
        for (int i = 0; i < s.size(); i++) {
            double sum = 0;
            int marks = 0;
            int first = -1;
            for (int t = 1; t <= 10; t++) {
                if (s.x(i, t, 1) == 1) {
                    sum += s.x(i, t, 0);
                    marks++;
                    first = first < 0 ? t : first;
                }
            }
            assertEquals(2, marks);
            assertTrue(first <= 5, "the first mark is in the first half");
            assertEquals(sum, s.y(i, 0), 1e-15);
        }
    }

    @Test
    void badInputIsNamed() {
        double[][][] ragged = {{{1}, {2}}, {{1}}};
        var e = assertThrows(IllegalArgumentException.class, () -> Sequences.of(ragged, new double[][] {{0}, {0}}));
        assertTrue(e.getMessage().contains("example 1"), e.getMessage());
        double[][][] nan = {{{1}, {Double.NaN}}};
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.of(nan, new double[][] {{0}}));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Rnn.of(1, 4, 1, Activation.SIGMOID));
        assertTrue(e.getMessage().contains("TANH or RELU"));
        e = assertThrows(IllegalArgumentException.class, () -> rnn.objective(Sequences.adding(3, 4, 1)));
        assertTrue(e.getMessage().contains("2 inputs per step"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rnn.objective(Sequences.recall(3, 4, 0, 1), 0));
        assertTrue(e.getMessage().contains("truncation"), e.getMessage());
    }
}
