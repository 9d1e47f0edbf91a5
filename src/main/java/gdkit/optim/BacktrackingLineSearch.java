package gdkit.optim;

import java.util.Arrays;
import java.util.Locale;

import gdkit.model.Objective;
import gdkit.util.Args;
import gdkit.util.Vec;

/**
 * Gradient descent whose step size is chosen at every step by a backtracking line search with the
 * Armijo (sufficient decrease) condition (Armijo, 1966; Nocedal and Wright, Algorithm 3.1). It
 * needs the loss, not only the gradient, so it is built with the {@link Objective} it minimizes
 * (the same one the trainer uses). No step size to tune, but each step costs extra loss
 * evaluations.
 *
 * <p>One step from {@code theta} with gradient {@code g}, starting from {@code t = lr}:
 * <pre>
 *   while f(theta - t g) &gt; f(theta) - c t |g|^2 :  t &lt;- shrink * t
 *   theta &lt;- theta - t g
 * </pre>
 * At most {@code maxTrials} trial points are evaluated; if none decreases the loss enough (which
 * for a correct gradient happens only at the limits of floating point), the parameters are left
 * unchanged. {@code f(theta)} is not re-evaluated when {@code theta} is the point this optimizer
 * accepted last (the loss there is known), so a step costs one loss evaluation per trial.
 *
 * <table>
 *   <caption>Hyper-parameters</caption>
 *   <tr><th>name</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code learningRate}</td><td>first trial step t, &gt; 0</td><td>1</td></tr>
 *   <tr><td>{@code shrink}</td><td>factor applied to t after a failed trial, in (0, 1)</td><td>0.5</td></tr>
 *   <tr><td>{@code c}</td><td>Armijo constant: fraction of the linear decrease required, in (0, 1)</td><td>1e-4</td></tr>
 *   <tr><td>{@code maxTrials}</td><td>trial points per step at most, &gt;= 1</td><td>60</td></tr>
 * </table>
 *
 * <p>PyTorch has no equivalent optimizer ({@code torch.optim.LBFGS} has a strong-Wolfe line search
 * but a quasi-Newton direction). The gradient passed to {@link #step} must be the true gradient of
 * the objective: the Armijo test uses {@code |g|^2} as the slope, which a clipped gradient is not.
 */
public final class BacktrackingLineSearch extends StatefulOptimizer {
    private final Objective objective;
    private final double shrink;
    private final double c;
    private final int maxTrials;
    private double[] trial;
    private double[] accepted;
    private double acceptedLoss = Double.NaN;
    private long lossEvaluations;
    private long failedSearches;
    private double lastStepSize;

    /** Backtracking from {@code t = 1} with {@code shrink = 0.5}, {@code c = 1e-4}, 60 trials. */
    public BacktrackingLineSearch(Objective objective) {
        this(objective, 1.0, 0.5, 1e-4, 60);
    }

    /**
     * @param objective   the function minimized; its loss is evaluated at the trial points
     * @param initialStep first trial step, finite and {@code > 0} (the learning rate)
     * @param shrink      in (0, 1)
     * @param c           in (0, 1)
     * @param maxTrials   {@code >= 1}
     */
    public BacktrackingLineSearch(Objective objective, double initialStep, double shrink, double c, int maxTrials) {
        super(initialStep);
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        this.objective = objective;
        this.shrink = Args.openUnit("shrink", shrink);
        this.c = Args.openUnit("c", c);
        this.maxTrials = Args.atLeast("maxTrials", maxTrials, 1);
    }

    @Override
    void allocate(int n) {
        if (n != objective.dimension()) {
            throw new IllegalArgumentException("params has length " + n + " but the objective has "
                    + objective.dimension() + " parameters");
        }
        trial = new double[n];
        accepted = new double[n];
        clear();
    }

    @Override
    void clear() {
        acceptedLoss = Double.NaN;
        lossEvaluations = 0;
        failedSearches = 0;
        lastStepSize = 0;
    }

    @Override
    void update(double[] params, double[] gradient, double rate) {
        double f0 = Arrays.equals(params, accepted) && !Double.isNaN(acceptedLoss)
                ? acceptedLoss : evaluate(params);
        double slope = Vec.sumOfSquares(gradient);
        double t = rate;
        for (int k = 0; k < maxTrials; k++, t *= shrink) {
            for (int i = 0; i < params.length; i++) {
                trial[i] = params[i] - t * gradient[i];
            }
            double f = evaluate(trial);
            if (f <= f0 - c * t * slope) {
                System.arraycopy(trial, 0, params, 0, params.length);
                System.arraycopy(trial, 0, accepted, 0, params.length);
                acceptedLoss = f;
                lastStepSize = t;
                return;
            }
        }
        failedSearches++;
        lastStepSize = 0;
    }

    private double evaluate(double[] p) {
        lossEvaluations++;
        return objective.loss(p);
    }

    /** Loss evaluations made by the line search since the last {@link #reset} (the trainer's are not counted). */
    public long lossEvaluations() {
        return lossEvaluations;
    }

    /** Steps since the last {@link #reset} at which no trial point was accepted. */
    public long failedSearches() {
        return failedSearches;
    }

    /** The step size {@code t} accepted at the last step (0 if the search failed). */
    public double lastStepSize() {
        return lastStepSize;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Armijo GD(t0=%.3g, shrink=%.3g)", learningRate(), shrink);
    }
}
