package gdkit.optim;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import gdkit.model.HasHessian;

/**
 * Newton's method: step to the minimum of the local quadratic model,
 * {@code theta <- theta - lr * H^{-1} g}, with the Hessian {@code H} of the objective at
 * {@code theta} (solved by LU decomposition with EJML, not inverted). On a quadratic with
 * {@code lr = 1} one step lands on the minimum, whatever the condition number; the price is
 * computing {@code H} and solving a {@code d x d} system each step, {@code O(d^3)} against
 * {@code O(d)} for a gradient step.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>damping: fraction of the Newton step taken, &gt; 0</td><td>1 (the full step)</td></tr>
 * </table>
 *
 * <p>PyTorch has no Newton optimizer. Pure Newton moves to any stationary point of the model (a
 * saddle or a maximum when {@code H} is not positive definite); gdkit uses it on convex
 * quadratics, for comparison. {@link #step} throws {@link IllegalStateException} if the Hessian
 * is singular at the current parameters.
 */
public final class Newton extends StatefulOptimizer {
    private final HasHessian objective;
    private DMatrixRMaj hessian;
    private DMatrixRMaj rhs;
    private DMatrixRMaj direction;
    private LinearSolverDense<DMatrixRMaj> solver;

    /** The full Newton step ({@code lr = 1}). */
    public Newton(HasHessian objective) {
        this(objective, 1.0);
    }

    /**
     * @param objective    the function minimized; its Hessian is evaluated at every step
     * @param learningRate fraction of the Newton step, finite and {@code > 0}
     */
    public Newton(HasHessian objective, double learningRate) {
        super(learningRate);
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        this.objective = objective;
    }

    @Override
    void allocate(int n) {
        if (n != objective.dimension()) {
            throw new IllegalArgumentException("params has length " + n + " but the objective has "
                    + objective.dimension() + " parameters");
        }
        hessian = new DMatrixRMaj(n, n);
        rhs = new DMatrixRMaj(n, 1);
        direction = new DMatrixRMaj(n, 1);
        solver = LinearSolverFactory_DDRM.linear(n);
    }

    @Override
    void clear() {
        // the buffers are overwritten at every step; nothing is carried between steps
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        objective.hessian(params, hessian);
        System.arraycopy(gradient, 0, rhs.data, 0, params.length);
        if (!solver.setA(hessian) || !(solver.quality() > 1e-14)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the Hessian is singular at step %d (LU quality %.2g): Newton's step is undefined", steps,
                    solver.quality()));
        }
        solver.solve(rhs, direction);
        for (int i = 0; i < params.length; i++) {
            params[i] -= rate * direction.data[i];
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Newton(lr=%.3g)", learningRate());
    }
}
