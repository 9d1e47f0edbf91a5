package gdkit.nn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Large matrix products through OpenBLAS (the bytedeco build, whose native library ships inside a
 * Maven jar for the platform the module was built on). Loaded only when a product is large enough
 * to gain from it; if the native library cannot be loaded on this machine, {@link #available()} is
 * false and the products stay in Java ({@link RowProducts}). OpenBLAS runs on one thread unless
 * {@link #threads(int)} says otherwise.
 */
public final class Blas {
    private static final boolean AVAILABLE = load();

    private Blas() {
    }

    private static boolean load() {
        try {
            Loader.load(openblas_nolapack.class);
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, or no native build for this platform
            return false;
        }
    }

    /** Whether OpenBLAS could be loaded on this machine. */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Sets the number of threads OpenBLAS splits a product over (1 by default; results may differ in
     * the last bits between thread counts). Does nothing when OpenBLAS is not available.
     *
     * @param threads at least 1
     */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (AVAILABLE) {
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
        }
    }

    /**
     * Row-major {@code c = op(a) op(b)} with {@code op(a)} m x k and {@code op(b)} k x n; lda, ldb
     * and ldc are the row lengths of a, b and c as stored.
     */
    static void dgemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int lda, double[] b, int ldb,
            double[] c, int ldc) {
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
    }
}
