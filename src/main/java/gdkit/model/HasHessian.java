package gdkit.model;

import org.ejml.data.DMatrixRMaj;

/**
 * An objective that can also give its matrix of second derivatives, as Newton's method needs.
 * For a quadratic (linear regression, the quadratic test functions) the Hessian is constant.
 */
public interface HasHessian extends Objective {
    /**
     * Writes the Hessian at {@code params} into {@code out}, which is reshaped to
     * {@code dimension() x dimension()} (no allocation when it already has that size).
     */
    void hessian(double[] params, DMatrixRMaj out);
}
