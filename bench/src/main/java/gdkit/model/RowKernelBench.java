package gdkit.model;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import gdkit.bench.BenchData;

/**
 * The two linear-regression row kernels on the data of {@code GradientBench} (n = 1,000,000,
 * d = 32, one thread): the plain loop, which a JVM without {@code jdk.incubator.vector} runs, and
 * the Vector API kernel. In package {@code gdkit.model} because the kernels are package-private.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RowKernelBench {
    @Param("1000000")
    int n;
    @Param("32")
    int d;
    @Param({"plain", "vector"})
    String kernel;

    RowKernel rows;
    double[] x;
    double[] y;
    double[] params;
    double[] sums;

    @Setup
    public void setUp() {
        if (kernel.equals("vector") && !VectorSupport.AVAILABLE) {
            throw new IllegalStateException("the Vector API kernel needs --add-modules jdk.incubator.vector");
        }
        rows = kernel.equals("vector") ? VectorSupport.kernel() : RowKernel.PLAIN;
        x = BenchData.uniform(1, n * d, 1.0);
        y = BenchData.uniform(2, n, 1.0);
        params = BenchData.uniform(3, d + 1, 1.0);
        sums = new double[d + 1];
    }

    @Benchmark
    public double gradientSums() {
        java.util.Arrays.fill(sums, 0.0);
        return rows.accumulateRows(x, y, d, params, 0, n, sums, 0);
    }
}
