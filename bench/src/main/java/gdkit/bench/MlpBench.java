package gdkit.bench;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import gdkit.nn.Activation;
import gdkit.nn.Blas;
import gdkit.nn.Loss;
import gdkit.nn.Mlp;
import gdkit.nn.MlpObjective;
import gdkit.nn.Targets;
import gdkit.optim.GradientDescent;

/**
 * Workload 2: one training step of an MLP 256-256-256-10 (ReLU, softmax cross-entropy) on a batch
 * of 256 examples: gather the batch, forward, backward, gradient-descent update, as the
 * {@code Trainer} does per step. The steps cycle over 10 batches of 2,560 examples. The matrix
 * products run in OpenBLAS on {@code threads} threads ({@link Blas#threads}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MlpBench {
    static final int EXAMPLES = 2560;
    static final int BATCH = 256;
    static final int WIDTH = 256;
    static final int CLASSES = 10;
    static final double LEARNING_RATE = 0.01;

    MlpObjective objective;
    GradientDescent optimizer;
    double[] params;
    double[] gradient;
    int[] order;
    int batch;

    /** OpenBLAS threads for the matrix products. */
    @Param({"1", "2"})
    int threads;

    @Setup
    public void setUp() {
        Blas.threads(threads);
        objective = objective();
        params = initialParams(objective.network());
        gradient = new double[params.length];
        optimizer = new GradientDescent(LEARNING_RATE);
        order = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            order[i] = i;
        }
    }

    /** The network on inputs from stream 21 and labels from stream 22, as in the NumPy twin. */
    static MlpObjective objective() {
        Mlp net = Mlp.builder(WIDTH).dense(WIDTH, Activation.RELU).dense(WIDTH, Activation.RELU)
                .dense(CLASSES, Activation.IDENTITY).build();
        DMatrixRMaj x = new DMatrixRMaj(EXAMPLES, WIDTH, true, BenchData.uniform(21, EXAMPLES * WIDTH, 1.0));
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = Math.min(CLASSES - 1, (int) Math.floor((BenchData.uniform(22, i) + 1) * (CLASSES / 2.0)));
        }
        return net.objective(x, Targets.classes(labels, CLASSES), Loss.SOFTMAX_CROSS_ENTROPY);
    }

    /** Weights uniform in +-sqrt(6 / fan-in) (He uniform) from stream 23, biases 0. */
    static double[] initialParams(Mlp net) {
        double[] p = BenchData.uniform(23, net.dimension(), Math.sqrt(6.0 / WIDTH));
        for (int k = 1; k <= net.depth(); k++) {
            java.util.Arrays.fill(p, net.layer(k).biasOffset(), net.layer(k).biasOffset() + net.layer(k).outputs(), 0.0);
        }
        return p;
    }

    @Benchmark
    public double step() {
        int from = batch * BATCH;
        batch = (batch + 1) % (EXAMPLES / BATCH);
        double loss = objective.batchLossAndGradient(params, order, from, from + BATCH, gradient);
        optimizer.step(params, gradient);
        return loss;
    }
}
