package gdkit.model;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a symmetric matrix such as a Hessian, and what they say about gradient descent:
 * on a quadratic, GD with step {@code eta} converges exactly when {@code eta < 2 / lambda_max}.
 */
public final class Spectrum {
    private final double[] eigenvalues;
    private final double[][] eigenvectors;

    private Spectrum(double[] ascending, double[][] vectors) {
        this.eigenvalues = ascending;
        this.eigenvectors = vectors;
    }

    /** Relative asymmetry {@code |a_ij - a_ji| / max |a|} accepted as rounding error. */
    static final double SYMMETRY_TOLERANCE = 1e-8;

    /**
     * Eigen-decomposes a symmetric matrix (EJML's symmetric algorithm).
     *
     * @throws IllegalArgumentException if the matrix is null, empty, not square, holds a value
     *                                  that is not finite, or is not symmetric (up to rounding)
     */
    public static Spectrum of(DMatrixRMaj symmetric) {
        if (symmetric == null) {
            throw new IllegalArgumentException("matrix must not be null");
        }
        if (symmetric.numRows != symmetric.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + symmetric.numRows + "x" + symmetric.numCols);
        }
        int m = symmetric.numRows;
        if (m == 0) {
            throw new IllegalArgumentException("matrix must be at least 1x1, got 0x0");
        }
        double largest = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = symmetric.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is " + v
                            + " (expected a finite number)");
                }
                largest = Math.max(largest, Math.abs(v));
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double a = symmetric.unsafe_get(i, j);
                double b = symmetric.unsafe_get(j, i);
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("matrix is not symmetric: entry (" + i + ", " + j + ") is " + a
                            + " but (" + j + ", " + i + ") is " + b + " (Spectrum needs a symmetric matrix such as a Hessian)");
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge");
        }
        int n = eig.getNumberOfEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).getReal(), eig.getEigenvalue(b).getReal()));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(order[k]).getReal();
            vectors[k] = eig.getEigenVector(order[k]).data.clone();
        }
        return new Spectrum(values, vectors);
    }

    /** The unit eigenvector of the {@code k}-th smallest eigenvalue (a copy). */
    public double[] eigenvector(int k) {
        return eigenvectors[k].clone();
    }

    /** All eigenvalues, smallest first (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double max() {
        return eigenvalues[eigenvalues.length - 1];
    }

    public double min() {
        return eigenvalues[0];
    }

    /** The condition number {@code lambda_max / lambda_min}. */
    public double conditionNumber() {
        return max() / min();
    }

    /** The largest stable gradient-descent step on a quadratic with this Hessian, {@code 2 / lambda_max}. */
    public double maxStableStep() {
        return 2.0 / max();
    }
}
