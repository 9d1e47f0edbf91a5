package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import gdkit.data.Dataset;
import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.optim.GradientDescent;
import gdkit.train.Run;
import gdkit.train.Trainer;

class MlpTest {
    @Test
    void blocksAreNamedPerLayerAndCoverTheParameterVector() {
        Mlp net = Mlp.builder(3).dense(4, "relu").dense(2, "identity").build();
        assertEquals(java.util.List.of("layer1.W", "layer1.b", "layer2.W", "layer2.b"), net.blocks().names());
        assertEquals(3 * 4 + 4 + 4 * 2 + 2, net.dimension());
        assertEquals(net.dimension(), net.blocks().dimension());
        assertEquals(12, net.layer(1).biasOffset());
        assertEquals(16, net.layer(2).offset());
        assertEquals("3 -> 4 relu -> 2 identity", net.describe());
    }

    @Test
    void stackBuildsTheRequestedDepth() {
        Mlp net = Mlp.stack(5, 8, 4, Activation.TANH, 1);
        assertEquals(4, net.depth());
        assertEquals(Activation.TANH, net.layer(3).activation());
        assertEquals(Activation.IDENTITY, net.layer(4).activation());
        assertEquals(8, net.layer(4).inputs());
        assertThrows(IllegalArgumentException.class, () -> net.layer(0));
    }

    @Test
    void aLinearNetworkWithMseIsLinearRegression() {
        Dataset data = Synthetic.linear(40, new double[] {1, -2}, 0.5, new double[] {1, 2}, 0.1, 3);
        Mlp net = Mlp.builder(2).dense(1, "identity").build();
        MlpObjective f = net.objective(data, Loss.MSE);
        LinearRegression lr = new LinearRegression(data);
        double[] p = {0.3, -0.7, 0.2};
        assertEquals(lr.loss(p), f.loss(p), 1e-12);
        double[] g1 = new double[3];
        double[] g2 = new double[3];
        lr.lossAndGradient(p, g1);
        f.lossAndGradient(p, g2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(g1, g2, 1e-12);
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        Mlp net = Mlp.builder(3).dense(4, "relu").dense(2, "identity").build();
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> net.forward(new double[net.dimension()], new DMatrixRMaj(5, 7)));
        assertTrue(x.getMessage().contains("5x7") && x.getMessage().contains("3x4"), x.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> net.objective(new DMatrixRMaj(5, 3), Targets.values(new DMatrixRMaj(5, 3)), Loss.MSE));
        assertTrue(t.getMessage().contains("2 outputs") && t.getMessage().contains("3"), t.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> net.objective(new DMatrixRMaj(5, 3), Targets.values(new DMatrixRMaj(6, 2)), Loss.MSE));
        assertTrue(n.getMessage().contains("5x3") && n.getMessage().contains("6 targets"), n.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> net.forward(new double[3], new DMatrixRMaj(5, 3)));
        assertTrue(p.getMessage().contains("length 3") && p.getMessage().contains("26"), p.getMessage());
    }

    @Test
    void trainingLearnsASeparableClassification() {
        // two Gaussian blobs: class = sign of x1 + x2
        DMatrixRMaj x = MlpGradientTest.randomMatrix(200, 2, 30);
        int[] labels = new int[200];
        for (int i = 0; i < 200; i++) {
            labels[i] = x.get(i, 0) + x.get(i, 1) > 0 ? 1 : 0;
        }
        Mlp net = Mlp.builder(2).dense(8, "tanh").dense(2, "identity").build();
        MlpObjective f = net.objective(x, Targets.classes(labels, 2), Loss.SOFTMAX_CROSS_ENTROPY);
        double[] p0 = net.initialize(Init.xavierUniform(), 31);
        assertTrue(f.accuracy(p0) < 0.9);
        Run run = Trainer.of(f, new GradientDescent(0.5)).epochs(30).batchSize(20).seed(32).run(p0);
        assertFalse(run.diverged(), run.message());
        assertTrue(f.accuracy(run.params()) > 0.97, "accuracy " + f.accuracy(run.params()));
    }

    @Test
    void aTrainingStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Mlp net = Mlp.builder(8).dense(32, "relu").dense(32, "tanh").dense(4, "identity").build();
        DMatrixRMaj x = MlpGradientTest.randomMatrix(64, 8, 40);
        MlpObjective f = net.objective(x, Targets.randomClasses(64, 4, 41), Loss.SOFTMAX_CROSS_ENTROPY);
        double[] p = net.initialize(Init.heNormal(), 42);
        double[] g = new double[net.dimension()];
        int[] order = new int[64];
        for (int i = 0; i < 64; i++) {
            order[i] = 63 - i;
        }
        for (int warm = 0; warm < 2000; warm++) {
            f.lossAndGradient(p, g);
            f.batchLossAndGradient(p, order, 0, 16, g);
            f.batchLossAndGradient(p, order, 16, 23, g);
        }
        // JIT compilation can charge a few bytes to this thread now and then, so take the quietest
        // of several rounds; a real allocation per step would show in every round (>= 16 bytes x 600).
        long id = Thread.currentThread().getId();
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int step = 0; step < 200; step++) {
                f.lossAndGradient(p, g);
                f.batchLossAndGradient(p, order, 0, 16, g);
                f.batchLossAndGradient(p, order, 16, 23, g);
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(quietest < 1000, quietest + " bytes allocated in 600 gradient evaluations");
    }
}
