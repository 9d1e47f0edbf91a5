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

    private Spectrum(double[] ascending) {
        this.eigenvalues = ascending;
    }

    /** Eigen-decomposes a symmetric matrix (EJML). */
    public static Spectrum of(DMatrixRMaj symmetric) {
        if (symmetric.numRows != symmetric.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + symmetric.numRows + "x" + symmetric.numCols);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge");
        }
        double[] values = new double[eig.getNumberOfEigenvalues()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return new Spectrum(values);
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
