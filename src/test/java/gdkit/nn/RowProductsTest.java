package gdkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RowProductsTest {
    private final Random rng = new Random(5);

    /**
     * Shapes (m, k, n) with remainders of the 4-row blocks, single rows and columns, and one big case
     * just below the size that goes to OpenBLAS.
     */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 2, 5}, {4, 7, 1}, {9, 5, 10}, {17, 33, 40}, {31, 256, 256},
        {240, 16, 16}, {240, 64, 1}, {32, 8, 64}, {5, 3, 2}, {64, 240, 16}, {2, 9, 3}};

    @Test
    void productsEqualEjmlToTheLastBit() {
        RowProducts products = new RowProducts(); // one instance across all shapes: buffers are reused
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            DMatrixRMaj a = random(m, k);
            DMatrixRMaj b = random(k, n);
            DMatrixRMaj g = random(m, n);
            DMatrixRMaj w = random(k, n);
            DMatrixRMaj c = new DMatrixRMaj(1, 1);
            products.mult(a, b, c);
            assertEquals(m, c.numRows);
            assertEquals(n, c.numCols);
            assertArrayEquals(ejml(a, b, 0), java.util.Arrays.copyOf(c.data, c.getNumElements()), 0.0, "a b for " + m + "x" + k + "x" + n);
            products.multTransA(a, g, c);
            assertArrayEquals(ejml(a, g, 1), java.util.Arrays.copyOf(c.data, c.getNumElements()), 0.0, "a^T g for " + m + "x" + k + "x" + n);
            products.multTransB(g, w, c);
            assertArrayEquals(ejml(g, w, 2), java.util.Arrays.copyOf(c.data, c.getNumElements()), 0.0, "g w^T for " + m + "x" + k + "x" + n);
        }
    }

    @Test
    void largeProductsGoToOpenBlasAndAgreeWithEjml() {
        assertTrue(Blas.available(), "OpenBLAS should load on the platforms the jar is built for");
        int m = 130;
        int k = 129;
        int n = 140; // m k n above RowProducts.BLAS_MIN_WORK, none a multiple of a block size
        assertTrue(RowProducts.useBlas(m, n, k));
        RowProducts products = new RowProducts();
        DMatrixRMaj a = random(m, k);
        DMatrixRMaj b = random(k, n);
        DMatrixRMaj g = random(m, n);
        DMatrixRMaj w = random(k, n);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        products.mult(a, b, c);
        assertClose(ejml(a, b, 0), c, m, n);
        products.multTransA(a, g, c);
        assertClose(ejml(a, g, 1), c, k, n);
        products.multTransB(g, w, c);
        assertClose(ejml(g, w, 2), c, m, k);
    }

    /** Entries are sums of about 130 products of N(0,1) values: agreement to 1e-12 absolute is the last bits. */
    private static void assertClose(double[] expected, DMatrixRMaj c, int rows, int cols) {
        assertEquals(rows, c.numRows);
        assertEquals(cols, c.numCols);
        assertArrayEquals(expected, java.util.Arrays.copyOf(c.data, c.getNumElements()), 1e-12);
    }

    @Test
    void mismatchedShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RowProducts().mult(random(2, 3), random(4, 2), new DMatrixRMaj(1, 1)));
        assertTrue(e.getMessage().contains("inner dimensions 3 and 4"), e.getMessage());
    }

    private static double[] ejml(DMatrixRMaj a, DMatrixRMaj b, int kind) {
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        switch (kind) {
            case 0 -> {
                c.reshape(a.numRows, b.numCols);
                CommonOps_DDRM.mult(a, b, c);
            }
            case 1 -> {
                c.reshape(a.numCols, b.numCols);
                CommonOps_DDRM.multTransA(a, b, c);
            }
            default -> {
                c.reshape(a.numRows, b.numRows);
                CommonOps_DDRM.multTransB(a, b, c);
            }
        }
        return c.data;
    }

    private DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }
}
