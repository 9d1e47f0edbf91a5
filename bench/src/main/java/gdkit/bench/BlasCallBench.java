package gdkit.bench;

import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import gdkit.nn.Blas;

/**
 * The five 256 x 256 x 256 products of one {@link MlpBench} step (two forward, two weight
 * gradients, one input gradient: {@code A B}, {@code A B}, {@code A^T B}, {@code A^T B},
 * {@code A B^T}) alone, on one OpenBLAS thread, called the two ways JavaCPP allows: with Java
 * arrays, as gdkit does (the JNI code copies each array to native memory and the result back), and
 * with pointers to native memory (no copies). The NumPy twin times the same five products; the
 * difference between the two rows is what passing Java arrays costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BlasCallBench {
    static final int N = 256;

    /** How the operands reach OpenBLAS: "arrays" (Java arrays) or "native" (native memory). */
    @Param({"arrays", "native"})
    String operands;

    double[] a;
    double[] b;
    double[] c;
    DoublePointer pa;
    DoublePointer pb;
    DoublePointer pc;

    @Setup
    public void setUp() {
        Blas.threads(1);
        a = BenchData.uniform(41, N * N, 1.0);
        b = BenchData.uniform(42, N * N, 1.0);
        c = new double[N * N];
        pa = new DoublePointer(a);
        pb = new DoublePointer(b);
        pc = new DoublePointer((long) N * N);
    }

    @TearDown
    public void tearDown() {
        pa.close();
        pb.close();
        pc.close();
    }

    @Benchmark
    public double fiveProducts() {
        boolean arrays = operands.equals("arrays");
        for (int k = 0; k < 5; k++) {
            int transA = k == 2 || k == 3 ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
            int transB = k == 4 ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
            if (arrays) {
                openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, transA, transB, N, N, N, 1.0, a, N, b, N,
                        0.0, c, N);
            } else {
                openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, transA, transB, N, N, N, 1.0, pa, N, pb,
                        N, 0.0, pc, N);
            }
        }
        return arrays ? c[N + 1] : pc.get(N + 1);
    }
}
