package gdkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;
import gdkit.data.Dataset;
import gdkit.data.Synthetic;
import gdkit.nn.Activation;
import gdkit.nn.Init;
import gdkit.nn.Loss;
import gdkit.nn.Mlp;
import gdkit.nn.MlpObjective;
import gdkit.nn.Targets;
import gdkit.optim.GradientDescent;
import gdkit.optim.functions.Rosenbrock;
import gdkit.train.Run;
import gdkit.train.Trainer;

class L2PenaltyTest {
    private final Dataset data = Synthetic.linear(60, new double[] {1.5, -2.0, 0.5}, 0.7,
            new double[] {1, 3, 0.5}, 0.3, 5);
    private final LinearRegression model = new LinearRegression(data);
    private final double[] p = {0.3, -0.1, 2.0, -1.0};

    @Test
    void lossIsTheObjectivePlusHalfLambdaTimesTheSquaredNorm() {
        L2Penalty ridge = L2Penalty.of(model, 0.4);
        double squaredNorm = 0.09 + 0.01 + 4.0 + 1.0;
        assertEquals(model.loss(p) + 0.2 * squaredNorm, ridge.loss(p), 1e-12);
        assertEquals(0.2 * squaredNorm, ridge.penalty(p), 1e-12);
        double[] g = new double[4];
        assertEquals(ridge.loss(p), ridge.lossAndGradient(p, g), 1e-12);
    }

    @Test
    void gradientIsTheObjectivesGradientPlusLambdaTheta() {
        L2Penalty ridge = L2Penalty.of(model, 0.4);
        double[] plain = new double[4];
        double[] penalized = new double[4];
        model.lossAndGradient(p, plain);
        ridge.lossAndGradient(p, penalized);
        for (int i = 0; i < 4; i++) {
            assertEquals(plain[i] + 0.4 * p[i], penalized[i], 1e-12);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        assertTrue(GradientCheck.maxRelativeError(L2Penalty.of(model, 0.7), p, 1e-5) < 1e-8);
        assertTrue(GradientCheck.maxRelativeError(L2Penalty.of(new Rosenbrock(), 2.5), new double[] {-0.7, 1.3}, 1e-5) < 1e-8);
    }

    @Test
    void gradientMatchesFiniteDifferencesOnANetworkAndKeepsItsBlocks() {
        Random rng = new Random(3);
        DMatrixRMaj x = new DMatrixRMaj(12, 3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextGaussian();
        }
        Mlp net = Mlp.builder(3).dense(5, Activation.TANH).dense(4, Activation.IDENTITY).build();
        MlpObjective f = net.objective(x, Targets.randomClasses(12, 4, 9), Loss.SOFTMAX_CROSS_ENTROPY);
        L2Penalty penalized = L2Penalty.of(f, 0.3);
        double[] start = net.initialize(Init.xavierNormal(), 1);
        assertTrue(GradientCheck.maxRelativeError(penalized, start, 1e-5) < 1e-6);
        assertEquals(f.blocks().names(), penalized.blocks().names());
        assertEquals(java.util.List.of("layer1.W", "layer1.b", "layer2.W", "layer2.b"), penalized.blocks().names());
        for (int b = 0; b < f.blocks().count(); b++) {
            assertEquals(f.blocks().start(b), penalized.blocks().start(b));
            assertEquals(f.blocks().end(b), penalized.blocks().end(b));
        }
    }

    @Test
    void separableOnlyIfTheWrappedObjectiveIs() {
        assertTrue(L2Penalty.of(model, 0.1) instanceof SeparableObjective);
        assertFalse(L2Penalty.of(new Rosenbrock(), 0.1) instanceof SeparableObjective);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(L2Penalty.of(new Rosenbrock(), 0.1), new GradientDescent(0.01)).epochs(1).batchSize(1)
                        .run(new double[] {0, 0}));
        assertTrue(e.getMessage().contains("SeparableObjective"), e.getMessage());
    }

    @Test
    void batchGradientIsTheBatchGradientPlusLambdaThetaAndMatchesFiniteDifferences() {
        int[] order = {4, 9, 17, 23, 42};
        DMatrixRMaj bx = new DMatrixRMaj(order.length, 3);
        double[] by = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            for (int j = 0; j < 3; j++) {
                bx.set(r, j, data.x().get(order[r], j));
            }
            by[r] = data.y()[order[r]];
        }
        L2Penalty batchRidge = L2Penalty.of(new LinearRegression(new Dataset(bx, by, data.featureNames(), "y")), 0.6);
        SeparableObjective ridge = (SeparableObjective) L2Penalty.of(model, 0.6);
        assertEquals(model.examples(), ridge.examples());
        double[] g = new double[4];
        double loss = ridge.batchLossAndGradient(p, order, 0, order.length, g);
        assertEquals(batchRidge.loss(p), loss, 1e-12);
        assertArrayEquals(GradientCheck.numerical(batchRidge, p, 1e-5), g, 1e-7);
    }

    @Test
    void gradientDescentReachesTheRidgeSolution() {
        double lambda = 0.5;
        // (H + lambda I) theta = (2/n) A^T y with H = (2/n) A^T A
        DMatrixRMaj a = model.designMatrix();
        DMatrixRMaj lhs = model.hessian();
        for (int i = 0; i < 4; i++) {
            lhs.add(i, i, lambda);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.multTransA(a, new DMatrixRMaj(data.size(), 1, true, data.y()), rhs);
        CommonOps_DDRM.scale(2.0 / data.size(), rhs);
        DMatrixRMaj ridge = new DMatrixRMaj(4, 1);
        assertTrue(CommonOps_DDRM.solve(lhs, rhs, ridge));

        Run run = Trainer.of(L2Penalty.of(model, lambda), new GradientDescent(0.05)).steps(3000).run(new double[4]);
        assertArrayEquals(ridge.data, run.params(), 1e-9);
        double[] unpenalized = model.closedForm();
        double ridgeNorm = Math.sqrt(CommonOps_DDRM.dot(ridge, ridge));
        double plainNorm = Math.sqrt(unpenalized[0] * unpenalized[0] + unpenalized[1] * unpenalized[1]
                + unpenalized[2] * unpenalized[2] + unpenalized[3] * unpenalized[3]);
        assertTrue(ridgeNorm < plainNorm, ridgeNorm + " vs " + plainNorm);
    }

    @Test
    void aGradientDescentStepIsAWeightDecayStep() {
        double lr = 0.1;
        double lambda = 0.3;
        double[] g = new double[4];
        model.lossAndGradient(p, g);
        double[] stepped = p.clone();
        double[] penalizedGradient = new double[4];
        L2Penalty.of(model, lambda).lossAndGradient(stepped, penalizedGradient);
        new GradientDescent(lr).step(stepped, penalizedGradient);
        for (int i = 0; i < 4; i++) {
            assertEquals((1 - lr * lambda) * p[i] - lr * g[i], stepped[i], 1e-14);
        }
    }

    @Test
    void zeroLambdaChangesNothing() {
        L2Penalty none = L2Penalty.of(model, 0);
        double[] g0 = new double[4];
        double[] g1 = new double[4];
        assertEquals(model.lossAndGradient(p, g0), none.lossAndGradient(p, g1));
        assertArrayEquals(g0, g1);
    }

    @Test
    void badArgumentsAreRejectedWithAMessage() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> L2Penalty.of(model, bad));
            assertEquals("lambda must be a finite number >= 0, got " + bad, e.getMessage());
        }
        NullPointerException e = assertThrows(NullPointerException.class, () -> L2Penalty.of(null, 0.1));
        assertEquals("objective must not be null", e.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("L2Penalty(lambda=0.250, Rosenbrock)", L2Penalty.of(new Rosenbrock(), 0.25).toString());
    }
}
