package gdkit.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * STREAM-style memory bandwidth (McCalpin): copy {@code a = b}, triad {@code a = b + s c}, and a
 * read-only sum of {@code b}, over arrays as large as the gradient's X (32 M doubles = 256 MB each),
 * far larger than the caches. With {@code @Threads(2)} each thread streams its own arrays, so the
 * throughput score times the bytes per operation is the two-core bandwidth.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamBench {

    /** One thread's arrays. */
    @State(Scope.Thread)
    public static class Arrays {
        @Param("33554432")
        int length;
        double[] a;
        double[] b;
        double[] c;

        @Setup
        public void setUp() {
            a = BenchData.uniform(11, length, 1.0);
            b = BenchData.uniform(12, length, 1.0);
            c = BenchData.uniform(13, length, 1.0);
        }
    }

    @Benchmark
    @Threads(1)
    public double[] copy1(Arrays s) {
        return copy(s);
    }

    @Benchmark
    @Threads(2)
    public double[] copy2(Arrays s) {
        return copy(s);
    }

    @Benchmark
    @Threads(1)
    public double[] triad1(Arrays s) {
        return triad(s);
    }

    @Benchmark
    @Threads(2)
    public double[] triad2(Arrays s) {
        return triad(s);
    }

    @Benchmark
    @Threads(1)
    public double read1(Arrays s) {
        return read(s);
    }

    @Benchmark
    @Threads(2)
    public double read2(Arrays s) {
        return read(s);
    }

    private static double[] copy(Arrays s) {
        double[] a = s.a;
        double[] b = s.b;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i];
        }
        return a;
    }

    private static double[] triad(Arrays s) {
        double[] a = s.a;
        double[] b = s.b;
        double[] c = s.c;
        double q = 3.0;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + q * c[i];
        }
        return a;
    }

    /** Four independent sums, so the loads and not the add latency set the pace. */
    private static double read(Arrays s) {
        double[] b = s.b;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < b.length; i += 4) {
            s0 += b[i];
            s1 += b[i + 1];
            s2 += b[i + 2];
            s3 += b[i + 3];
        }
        for (; i < b.length; i++) {
            s0 += b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
