package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The three matrix products of a dense layer ({@code x W}, {@code x^T G}, {@code G W^T}) on
 * row-major matrices, written so that HotSpot's C2 compiler vectorizes them: each row of the right
 * factor is copied into its own array and two output rows are accumulated at once, so the inner
 * loop reads and writes arrays at the same index (C2 does not vectorize a loop that writes one
 * array while reading another at a different offset). About 5x faster than EJML's
 * {@code CommonOps_DDRM} for 256 x 256 matrices. The inner loop runs along a row of the result, so
 * a result with fewer columns than rows (a batch of 240 examples times 16 units) is computed as its
 * transpose and transposed back: a loop of 16 is too short for C2's vector code.
 *
 * <p>Every output entry sums its terms in ascending order of the shared index, starting from the
 * first term, as EJML does, so the results are the same. The buffers grow to the largest shapes
 * seen and are then reused: a product allocates nothing.
 *
 * <p>Products of at least {@value #BLAS_MIN_WORK} multiply-adds (e.g. 128 x 128 x 128) go to
 * OpenBLAS ({@link Blas}) when it is available: several times faster there, with sums in another
 * order (results agree with these loops to about 1e-15 relative). Every product in the notebooks is
 * smaller, so they compute exactly as before on every machine.
 */
final class RowProducts {
    /** Multiply-adds {@code m * n * k} from which a product goes to OpenBLAS. */
    static final long BLAS_MIN_WORK = 1L << 21;

    private static final int BLOCK = 2;
    /** Row p of the right factor (or of its transpose). */
    private double[][] rows = new double[0][0];
    /** Output rows being accumulated. */
    private final double[][] acc = new double[BLOCK][0];
    /** The transpose of a result whose rows are shorter than its columns (see {@link #mult}). */
    private double[] transposed = new double[0];

    /** {@code c = a b}: a is m x k, b is k x n, c becomes m x n. */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int k = a.numCols;
        int n = b.numCols;
        requireInner(k, b.numRows);
        c.reshape(a.numRows, n);
        if (useBlas(a.numRows, n, k)) {
            Blas.dgemm(false, false, a.numRows, n, k, a.data, k, b.data, n, c.data, n);
            return;
        }
        int m = a.numRows;
        if (n < m) {
            // c^T = b^T a^T, so the inner loop runs along the m rows of c, the longer side
            ensure(k, m);
            transposeIntoRows(a.data, m, k);
            product(b.data, 1, n, n, k, m, transposed(n * m));
            transpose(transposed, n, m, c.data);
            return;
        }
        ensure(k, n);
        copyIntoRows(b.data, k, n);
        product(a.data, k, 1, m, k, n, c.data);
    }

    /** {@code c = a^T b}: a is m x k, b is m x n, c becomes k x n. */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int n = b.numCols;
        requireInner(m, b.numRows);
        c.reshape(a.numCols, n);
        if (useBlas(a.numCols, n, m)) {
            Blas.dgemm(true, false, a.numCols, n, m, a.data, a.numCols, b.data, n, c.data, n);
            return;
        }
        int k = a.numCols;
        if (n < k) {
            // c^T = b^T a, so the inner loop runs along the k rows of c, the longer side
            ensure(m, k);
            copyIntoRows(a.data, m, k);
            product(b.data, 1, n, n, m, k, transposed(n * k));
            transpose(transposed, n, k, c.data);
            return;
        }
        ensure(m, n);
        copyIntoRows(b.data, m, n);
        product(a.data, 1, k, k, m, n, c.data);
    }

    /** {@code c = a b^T}: a is m x n, b is k x n, c becomes m x k. */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numCols;
        int k = b.numRows;
        requireInner(n, b.numCols);
        c.reshape(a.numRows, k);
        if (useBlas(a.numRows, k, n)) {
            Blas.dgemm(false, true, a.numRows, k, n, a.data, n, b.data, n, c.data, k);
            return;
        }
        int m = a.numRows;
        if (k < m) {
            // c^T = b a^T, so the inner loop runs along the m rows of c, the longer side
            ensure(n, m);
            transposeIntoRows(a.data, m, n);
            product(b.data, n, 1, k, n, m, transposed(k * m));
            transpose(transposed, k, m, c.data);
            return;
        }
        ensure(n, k);
        transposeIntoRows(b.data, k, n);
        product(a.data, n, 1, m, n, k, c.data);
    }

    /** {@code rows[p][i] = x[p][i]} for the row-major {@code count x length} matrix x. */
    private void copyIntoRows(double[] x, int count, int length) {
        for (int p = 0; p < count; p++) {
            System.arraycopy(x, p * length, rows[p], 0, length);
        }
    }

    /** {@code rows[p][i] = x[i][p]} for the row-major {@code count x length} matrix x. */
    private void transposeIntoRows(double[] x, int count, int length) {
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < length; p++) {
                rows[p][i] = x[i * length + p];
            }
        }
    }

    /** The buffer for a transposed result, grown to at least {@code length}. */
    private double[] transposed(int length) {
        if (transposed.length < length) {
            transposed = new double[length];
        }
        return transposed;
    }

    /** {@code out} (cols x rows, row-major) becomes the transpose of {@code t} (rows x cols). */
    private static void transpose(double[] t, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = t[row + j];
            }
        }
    }

    /**
     * {@code c[i][j] = sum_p A(i, p) rows[p][j]} for {@code i < m, p < inner, j < n}, where
     * {@code A(i, p) = a[i * rowStride + p * colStride]} and c is row-major m x n. Two output rows
     * take four terms per pass over their accumulators, added one after the other.
     */
    private void product(double[] a, int rowStride, int colStride, int m, int inner, int n, double[] c) {
        double[] c0 = acc[0];
        double[] c1 = acc[1];
        int i = 0;
        for (; i + 2 <= m; i += 2) {
            int at0 = i * rowStride;
            int at1 = at0 + rowStride;
            double[] r = rows[0];
            double a0 = a[at0];
            double a1 = a[at1];
            for (int j = 0; j < n; j++) {
                c0[j] = a0 * r[j];
                c1[j] = a1 * r[j];
            }
            int p = 1;
            for (; p + 4 <= inner; p += 4) {
                int o0 = p * colStride;
                int o1 = o0 + colStride;
                int o2 = o1 + colStride;
                int o3 = o2 + colStride;
                double a00 = a[at0 + o0];
                double a01 = a[at0 + o1];
                double a02 = a[at0 + o2];
                double a03 = a[at0 + o3];
                double a10 = a[at1 + o0];
                double a11 = a[at1 + o1];
                double a12 = a[at1 + o2];
                double a13 = a[at1 + o3];
                double[] r0 = rows[p];
                double[] r1 = rows[p + 1];
                double[] r2 = rows[p + 2];
                double[] r3 = rows[p + 3];
                for (int j = 0; j < n; j++) {
                    double v0 = r0[j];
                    double v1 = r1[j];
                    double v2 = r2[j];
                    double v3 = r3[j];
                    c0[j] = (((c0[j] + a00 * v0) + a01 * v1) + a02 * v2) + a03 * v3;
                    c1[j] = (((c1[j] + a10 * v0) + a11 * v1) + a12 * v2) + a13 * v3;
                }
            }
            for (; p < inner; p++) {
                r = rows[p];
                a0 = a[at0 + p * colStride];
                a1 = a[at1 + p * colStride];
                for (int j = 0; j < n; j++) {
                    c0[j] += a0 * r[j];
                    c1[j] += a1 * r[j];
                }
            }
            System.arraycopy(c0, 0, c, i * n, n);
            System.arraycopy(c1, 0, c, (i + 1) * n, n);
        }
        if (i < m) {
            int at = i * rowStride;
            double[] r = rows[0];
            double a0 = a[at];
            for (int j = 0; j < n; j++) {
                c0[j] = a0 * r[j];
            }
            for (int p = 1; p < inner; p++) {
                r = rows[p];
                a0 = a[at + p * colStride];
                for (int j = 0; j < n; j++) {
                    c0[j] += a0 * r[j];
                }
            }
            System.arraycopy(c0, 0, c, i * n, n);
        }
    }

    /** Whether an m x n result with inner dimension k goes to OpenBLAS (the size test comes first: small products never load it). */
    static boolean useBlas(int m, int n, int k) {
        return (long) m * n * k >= BLAS_MIN_WORK && Blas.available();
    }

    /** Grows the buffers to at least {@code count} rows of {@code length}. */
    private void ensure(int count, int length) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        if (count > rows.length || length > width) {
            rows = new double[Math.max(count, rows.length)][Math.max(length, width)];
        }
        if (length > acc[0].length) {
            for (int b = 0; b < BLOCK; b++) {
                acc[b] = new double[length];
            }
        }
    }

    private static void requireInner(int left, int right) {
        if (left != right) {
            throw new IllegalArgumentException("shape mismatch: inner dimensions " + left + " and " + right + " differ");
        }
    }
}
