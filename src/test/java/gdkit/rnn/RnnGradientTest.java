package gdkit.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;
import gdkit.model.ParameterBlocks;
import gdkit.nn.Activation;

/**
 * The hand-written backpropagation through time against central finite differences of an
 * independent forward pass written here: every parameter block, the truncated gradient (the
 * exact gradient with the states before the truncation window held fixed), mini-batches, and the
 * recorded norms ||dL/dh_t||. Errors are relative to the largest entry of each block.
 */
class RnnGradientTest {
    /** A correct gradient gives about 1e-9; a wrong formula gives well above 1e-3. */
    private static final double TOLERANCE = 1e-6;
    private static final double H = 1e-5;

    static double[] randomParams(Rnn rnn, double std, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[rnn.dimension()];
        for (int i = 0; i < p.length; i++) {
            p[i] = std * rng.nextGaussian();
        }
        return p;
    }

    /**
     * Mean loss over {@code examples}, computed from scratch. Steps t <= frozenUpTo use W, U, b of
     * {@code frozen}, later steps and the read-out those of {@code live}. If {@code pert} is not
     * null it is added to h_{pertT} of example {@code pertExample}.
     */
    static double referenceLoss(Rnn rnn, Sequences s, int[] examples, double[] live, double[] frozen, int frozenUpTo,
            int pertExample, int pertT, double[] pert) {
        int n = rnn.hidden();
        double total = 0;
        for (int i : examples) {
            double[] h = new double[n];
            if (pert != null && i == pertExample && pertT == 0) {
                for (int r = 0; r < n; r++) {
                    h[r] += pert[r];
                }
            }
            for (int t = 1; t <= s.length(); t++) {
                double[] p = t <= frozenUpTo ? frozen : live;
                double[] next = new double[n];
                for (int r = 0; r < n; r++) {
                    double a = p[rnn.offsetB() + r];
                    for (int j = 0; j < n; j++) {
                        a += p[rnn.offsetW() + r * n + j] * h[j];
                    }
                    for (int d = 0; d < rnn.inputs(); d++) {
                        a += p[rnn.offsetU() + r * rnn.inputs() + d] * s.x(i, t, d);
                    }
                    next[r] = rnn.activation() == Activation.RELU ? Math.max(0, a) : Math.tanh(a);
                    if (pert != null && i == pertExample && t == pertT) {
                        next[r] += pert[r];
                    }
                }
                h = next;
            }
            for (int k = 0; k < rnn.outputs(); k++) {
                double y = live[rnn.offsetC() + k];
                for (int j = 0; j < n; j++) {
                    y += live[rnn.offsetV() + k * n + j] * h[j];
                }
                total += (y - s.y(i, k)) * (y - s.y(i, k));
            }
        }
        return total / examples.length;
    }

    /** Central differences of the reference loss with respect to the live parameters. */
    static double[] referenceGradient(Rnn rnn, Sequences s, int[] examples, double[] p, int frozenUpTo) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += H;
            minus[i] -= H;
            g[i] = (referenceLoss(rnn, s, examples, plus, p, frozenUpTo, -1, -1, null)
                    - referenceLoss(rnn, s, examples, minus, p, frozenUpTo, -1, -1, null)) / (2 * H);
        }
        return g;
    }

    /** Central differences of the reference loss with respect to every h_t, one norm per t. */
    static double[] referenceHiddenNorms(Rnn rnn, Sequences s, int[] examples, double[] p) {
        double[] norms = new double[s.length() + 1];
        for (int t = 0; t <= s.length(); t++) {
            double sq = 0;
            for (int i : examples) {
                for (int r = 0; r < rnn.hidden(); r++) {
                    double[] e = new double[rnn.hidden()];
                    e[r] = H;
                    double up = referenceLoss(rnn, s, examples, p, p, 0, i, t, e);
                    e[r] = -H;
                    double down = referenceLoss(rnn, s, examples, p, p, 0, i, t, e);
                    double d = (up - down) / (2 * H);
                    sq += d * d;
                }
            }
            norms[t] = Math.sqrt(sq);
        }
        return norms;
    }

    static double blockRelativeError(ParameterBlocks blocks, double[] analytic, double[] numeric) {
        double worst = 0;
        for (int b = 0; b < blocks.count(); b++) {
            double err = 0;
            double scale = 1e-12;
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                err = Math.max(err, Math.abs(analytic[i] - numeric[i]));
                scale = Math.max(scale, Math.abs(numeric[i]));
            }
            worst = Math.max(worst, err / scale);
        }
        return worst;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static Rnn network(Activation f) {
        return Rnn.of(2, 3, 2, f);
    }

    /** Two inputs, two targets, noise everywhere so that no entry of the gradient is trivially 0. */
    static Sequences data(int n, int length, long seed) {
        Random rng = new Random(seed);
        double[][][] x = new double[n][length][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                x[i][t][0] = rng.nextGaussian();
                x[i][t][1] = rng.nextGaussian();
            }
            y[i][0] = rng.nextGaussian();
            y[i][1] = rng.nextGaussian();
        }
        return Sequences.of(x, y);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void fullBpttMatchesFiniteDifferencesInEveryBlock(Activation f) {
        Rnn rnn = network(f);
        Sequences s = data(4, 6, 1);
        RnnObjective obj = rnn.objective(s);
        double[] p = randomParams(rnn, 0.7, 2);
        double[] analytic = GradientCheck.analytic(obj, p);
        double err = blockRelativeError(rnn.blocks(), analytic, referenceGradient(rnn, s, range(4), p, 0));
        assertTrue(err < TOLERANCE, f + ": relative error " + err);
        assertTrue(blockRelativeError(rnn.blocks(), analytic, GradientCheck.numerical(obj, p, H)) < TOLERANCE,
                "the objective's own loss agrees with its gradient");
        assertEquals(referenceLoss(rnn, s, range(4), p, p, 0, -1, -1, null), obj.loss(p), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void truncatedBpttIsTheGradientWithEarlierStatesHeldFixed(Activation f) {
        Rnn rnn = network(f);
        Sequences s = data(3, 7, 3);
        int k = 3;
        RnnObjective obj = rnn.objective(s, k);
        double[] p = randomParams(rnn, 0.7, 4);
        double[] analytic = GradientCheck.analytic(obj, p);
        double[] frozenPrefix = referenceGradient(rnn, s, range(3), p, s.length() - k);
        assertTrue(blockRelativeError(rnn.blocks(), analytic, frozenPrefix) < TOLERANCE);
        double[] full = referenceGradient(rnn, s, range(3), p, 0);
        assertTrue(blockRelativeError(rnn.blocks(), analytic, full) > 1e-3,
                "truncation changes the recurrent gradient");
    }

    @Test
    void miniBatchGradientIsTheMeanOverTheBatch() {
        Rnn rnn = network(Activation.TANH);
        Sequences s = data(5, 4, 5);
        RnnObjective obj = rnn.objective(s);
        double[] p = randomParams(rnn, 0.7, 6);
        int[] order = {4, 1, 3, 0, 2};
        double[] g = new double[p.length];
        double loss = obj.batchLossAndGradient(p, order, 1, 3, g);
        int[] batch = {1, 3};
        assertEquals(referenceLoss(rnn, s, batch, p, p, 0, -1, -1, null), loss, 1e-12);
        assertTrue(blockRelativeError(rnn.blocks(), g, referenceGradient(rnn, s, batch, p, 0)) < TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void recordedHiddenGradientNormsMatchFiniteDifferences(Activation f) {
        Rnn rnn = network(f);
        Sequences s = data(3, 5, 7);
        RnnObjective obj = rnn.objective(s);
        double[] p = randomParams(rnn, 0.7, 8);
        obj.lossAndGradient(p, new double[p.length]);
        double[] recorded = obj.hiddenGradientNorms();
        double[] expected = referenceHiddenNorms(rnn, s, range(3), p);
        assertEquals(s.length() + 1, recorded.length);
        for (int t = 0; t <= s.length(); t++) {
            assertEquals(expected[t], recorded[t], 1e-6 * expected[s.length()], "t = " + t);
        }
        assertTrue(expected[0] > 1e-3, "h_0's gradient is not trivially 0, so the test can fail");
    }

    @Test
    void truncatedNormsAreExactInsideTheWindowAndZeroBefore() {
        Rnn rnn = network(Activation.TANH);
        Sequences s = data(2, 6, 9);
        int k = 2;
        RnnObjective obj = rnn.objective(s, k);
        double[] p = randomParams(rnn, 0.7, 10);
        obj.lossAndGradient(p, new double[p.length]);
        double[] recorded = obj.hiddenGradientNorms();
        double[] expected = referenceHiddenNorms(rnn, s, range(2), p);
        for (int t = 0; t <= s.length(); t++) {
            double want = t >= s.length() - k ? expected[t] : 0;
            assertEquals(want, recorded[t], 1e-6 * expected[s.length()], "t = " + t);
        }
    }
}
