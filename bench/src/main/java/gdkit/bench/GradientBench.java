package gdkit.bench;

import java.util.ArrayList;
import java.util.List;
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

import gdkit.data.Dataset;
import gdkit.model.LinearRegression;

/**
 * Workload 1: the full-batch gradient of linear regression, {@code (2/n) [X 1]^T (X w + b - y)},
 * for n = 1,000,000 rows and d = 32 features (X is 256 MB), as {@link LinearRegression} computes
 * it in one fused pass over the rows, on 1 and on 2 threads ({@link RowByRowBench} is the loop
 * before tuning).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class GradientBench {
    @Param("1000000")
    int n;
    @Param("32")
    int d;
    @Param({"1", "2"})
    int threads;

    LinearRegression model;
    double[] params;
    double[] gradient;

    @Setup
    public void setUp() {
        model = new LinearRegression(dataset(n, d), threads);
        if (model.threads() != threads) {
            throw new IllegalStateException("the model uses " + model.threads() + " threads, not " + threads);
        }
        params = BenchData.uniform(3, d + 1, 1.0);
        gradient = new double[d + 1];
    }

    /** X and y from streams 1 and 2 (uniform in [-1, 1)), as in the NumPy twin. */
    static Dataset dataset(int n, int d) {
        DMatrixRMaj x = new DMatrixRMaj(n, d, true, BenchData.uniform(1, n * d, 1.0));
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new Dataset(x, BenchData.uniform(2, n, 1.0), names, "y");
    }

    @Benchmark
    public double fused() {
        return model.lossAndGradient(params, gradient);
    }
}
