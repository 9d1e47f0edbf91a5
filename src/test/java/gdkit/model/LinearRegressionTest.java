package gdkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
