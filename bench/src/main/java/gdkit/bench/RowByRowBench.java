package gdkit.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import gdkit.data.Dataset;

/**
 * The fused gradient as the module computed it before it was tuned: one row at a time, its dot
 * product one chain of dependent additions. Kept as the reference the tuned loop is measured against.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RowByRowBench {
    @Param("1000000")
    int n;
    @Param("32")
    int d;

    double[] x;
    double[] y;
    double[] params;
    double[] gradient;

    @Setup
    public void setUp() {
        Dataset data = GradientBench.dataset(n, d);
        x = data.x().data;
        y = data.y();
        params = BenchData.uniform(3, d + 1, 1.0);
        gradient = new double[d + 1];
    }

    @Benchmark
    public double gradient() {
        double[] g = gradient;
        Arrays.fill(g, 0.0);
        double s = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            double r = params[d] - y[i];
            for (int j = 0; j < d; j++) {
                r += x[row + j] * params[j];
            }
            for (int j = 0; j < d; j++) {
                g[j] += r * x[row + j];
            }
            g[d] += r;
            s += r * r;
        }
        for (int j = 0; j <= d; j++) {
            g[j] *= 2.0 / n;
        }
        return s / n;
    }
}
