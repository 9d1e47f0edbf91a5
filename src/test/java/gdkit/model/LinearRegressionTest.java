package gdkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;
import gdkit.data.Dataset;
import gdkit.data.Synthetic;
import gdkit.optim.GradientDescent;
import gdkit.train.Run;
import gdkit.train.Trainer;

class LinearRegressionTest {
    private final Dataset data = Synthetic.linear(50, new double[] {1.5, -2.0, 0.5}, 0.7,
            new double[] {1, 3, 0.5}, 0.3, 11);
    private final LinearRegression model = new LinearRegression(data);

    @Test
    void gradientMatchesFiniteDifferences() {
        double[] p = {0.3, -0.1, 2.0, -1.0};
        assertTrue(GradientCheck.maxRelativeError(model, p, 1e-5) < 1e-7);
    }

    @Test
    void miniBatchGradientMatchesFiniteDifferencesOfTheBatchLoss() {
        int[] order = {4, 9, 17, 23, 42};
        Dataset batch = new Dataset(pick(order), pickY(order), data.featureNames(), "y");
        LinearRegression batchModel = new LinearRegression(batch);
        double[] p = {0.3, -0.1, 2.0, -1.0};
        double[] g = new double[4];
        double loss = model.batchLossAndGradient(p, order, 0, order.length, g);
        assertEquals(batchModel.loss(p), loss, 1e-12);
        assertArrayEquals(GradientCheck.numerical(batchModel, p, 1e-5), g, 1e-6);
    }

    @Test
    void gradientIsZeroAtTheClosedForm() {
        double[] best = model.closedForm();
        double[] g = new double[4];
        model.lossAndGradient(best, g);
        for (double v : g) {
            assertEquals(0, v, 1e-10);
        }
    }

    @Test
    void closedFormRecoversTheGeneratingLine() {
        LinearRegression line = new LinearRegression(Synthetic.line(2000, 3, 2, 0.1, 5));
        double[] wb = line.closedForm();
        assertEquals(3, wb[0], 0.02);
        assertEquals(2, wb[1], 0.02);
    }

    @Test
    void gradientDescentReachesTheClosedForm() {
        double eta = 0.9 * Spectrum.of(model.hessian()).maxStableStep();
        Run run = Trainer.of(model, new GradientDescent(eta)).steps(5000).tolerance(1e-10).run(new double[4]);
        assertTrue(run.converged(), run.message());
        assertArrayEquals(model.closedForm(), run.params(), 1e-8);
    }

    @Test
    void divergesJustAboveTwoOverLambdaMaxButNotJustBelow() {
        double limit = Spectrum.of(model.hessian()).maxStableStep();
        Run below = Trainer.of(model, new GradientDescent(0.98 * limit)).steps(3000).run(new double[4]);
        Run above = Trainer.of(model, new GradientDescent(1.02 * limit)).steps(3000).run(new double[4]);
        assertFalse(below.diverged(), below.message());
        assertTrue(below.finalLoss() < 1.01 * model.loss(model.closedForm()), below.message());
        assertTrue(above.diverged(), above.message());
        assertTrue(above.message().contains("diverged at step " + above.divergedAt()));
    }

    @Test
    void hessianIsTwiceTheGramMatrixOverN() {
        LinearRegression one = new LinearRegression(Dataset.ofColumn(new double[] {1, 2, 3}, new double[] {0, 0, 0}, "x", "y"));
        // (2/3) * [[1+4+9, 1+2+3], [6, 3]]
        assertArrayEquals(new double[] {28.0 / 3, 4, 4, 2}, one.hessian().data, 1e-12);
    }

    @Test
    void wrongParameterLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loss(new double[2]));
        assertTrue(e.getMessage().contains("3 weights + 1 bias"), e.getMessage());
    }

    @Test
    void chunkedGradientOfALargeDataSetMatchesARowByRowSumAndFiniteDifferences() {
        // 3 chunks, the last one partial and with an odd number of rows; 2^20 entries, so threads are used
        int rows = 2 * RowChunks.CHUNK_ROWS + 12345;
        Dataset big = Synthetic.linear(rows, new double[] {1, -2, 3, 0.5, -1, 2, 0, 1, -3, 2, 1, -1, 0.5, 0.25, -0.5, 4,
            1, 2, -2, 0, 3, -1, 1, 0, 2, -2, 1, 1, -1, 0, 2, 1}, 0.5, ones(32), 0.1, 3);
        LinearRegression model = new LinearRegression(big, 2);
        assertEquals(2, model.threads());
        double[] p = new double[33];
        for (int j = 0; j < p.length; j++) {
            p[j] = 0.1 * (j % 7) - 0.3;
        }
        double[] g = new double[33];
        double loss = model.lossAndGradient(p, g);
        double[] ref = new double[33];
        double refLoss = 0;
        for (int i = 0; i < rows; i++) {
            double r = p[32] - big.y()[i];
            for (int j = 0; j < 32; j++) {
                r += big.x().get(i, j) * p[j];
            }
            for (int j = 0; j < 32; j++) {
                ref[j] += 2 * r * big.x().get(i, j) / rows;
            }
            ref[32] += 2 * r / rows;
            refLoss += r * r / rows;
        }
        assertEquals(refLoss, loss, 1e-10 * refLoss);
        assertArrayEquals(ref, g, 1e-9);
        assertArrayEquals(GradientCheck.numerical(model, p, 1e-4), g, 1e-5);
    }

    @Test
    void vectorKernelAgreesWithThePlainLoopToTheLastBits() {
        // the tests run with --add-modules jdk.incubator.vector, as the kit's kernel does
        assertTrue(VectorSupport.AVAILABLE, "surefire should start the JVM with the Vector API module");
        assertSame(RowKernel.PLAIN, RowKernel.best(1000, 20), "notebook-sized data: the plain loop, same sums everywhere");
        assertSame(RowKernel.PLAIN, RowKernel.best(1 << 20, 7));
        int d = 19; // not a multiple of the vector length: the tail columns are added one by one
        assertSame(VectorSupport.kernel(), RowKernel.best(1 << 17, 8));
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = Math.sin(j + 1);
        }
        Dataset data = Synthetic.linear(1001, w, -0.4, ones(d), 0.2, 5); // odd: one unpaired last row
        double[] p = new double[d + 1];
        for (int j = 0; j <= d; j++) {
            p[j] = 0.2 * Math.cos(3 * j);
        }
        double[] plain = new double[d + 1];
        double[] vector = new double[d + 1];
        double[] x = data.x().data;
        double lossPlain = RowKernel.PLAIN.accumulateRows(x, data.y(), d, p, 0, 1001, plain, 0);
        double lossVector = VectorSupport.kernel().accumulateRows(x, data.y(), d, p, 0, 1001, vector, 0);
        assertEquals(lossPlain, lossVector, 1e-13 * lossPlain);
        for (int j = 0; j <= d; j++) {
            assertEquals(plain[j], vector[j], 1e-12 * (1 + Math.abs(plain[j])), "gradient entry " + j);
        }
    }

    @Test
    void oneChunkGivesExactlyTheSumsOfARowByRowLoop() {
        // notebooks compare the module with hand-written loops using ==; an odd n exercises the last unpaired row
        Dataset odd = Synthetic.linear(51, new double[] {1.5, -2.0, 0.5}, 0.7, new double[] {1, 3, 0.5}, 0.3, 12);
        double[] p = {0.3, -0.1, 2.0, -1.0};
        double[] g = new double[4];
        double loss = new LinearRegression(odd).lossAndGradient(p, g);
        double[] ref = new double[4];
        double sum = 0;
        for (int i = 0; i < 51; i++) {
            double r = p[3] - odd.y()[i];
            for (int j = 0; j < 3; j++) {
                r += odd.x().get(i, j) * p[j];
            }
            for (int j = 0; j < 3; j++) {
                ref[j] += r * odd.x().get(i, j);
            }
            ref[3] += r;
            sum += r * r;
        }
        for (int j = 0; j < 4; j++) {
            ref[j] *= 2.0 / 51;
        }
        assertEquals(sum / 51, loss, 0.0);
        assertArrayEquals(ref, g, 0.0);
    }

    @Test
    void gradientDoesNotDependOnTheNumberOfThreads() {
        Dataset big = Synthetic.linear(100_000, ones(16), 1, ones(16), 1, 4);
        double[] p = new double[17];
        java.util.Arrays.fill(p, 0.25);
        double[] one = new double[17];
        double[] two = new double[17];
        double lossOne = new LinearRegression(big, 1).lossAndGradient(p, one);
        LinearRegression parallel = new LinearRegression(big, 2);
        assertEquals(2, parallel.threads());
        double lossTwo = parallel.lossAndGradient(p, two);
        assertEquals(lossOne, lossTwo, 0.0);
        assertArrayEquals(one, two, 0.0);
    }

    @Test
    void smallDataSetsStayOnTheCallingThread() {
        assertEquals(1, new LinearRegression(data, 8).threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LinearRegression(data, 0));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    private static double[] ones(int length) {
        double[] a = new double[length];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    private org.ejml.data.DMatrixRMaj pick(int[] rows) {
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(rows.length, data.features());
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < data.features(); j++) {
                x.set(i, j, data.x().get(rows[i], j));
            }
        }
        return x;
    }

    private double[] pickY(int[] rows) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = data.y()[rows[i]];
        }
        return y;
    }
}
