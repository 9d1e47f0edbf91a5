package gdkit.train;

import gdkit.util.Args;
import gdkit.util.DoubleSeries;
import gdkit.util.Vec;

/**
 * What a training run recorded, step by step. Arrays are copies, trimmed to the steps actually
 * taken. Step k's loss and gradient norm are measured at the parameters before update k; when a
 * run diverges, the last entry is the step where it did (and may be NaN or infinite).
 *
 * <p>The record grows with the run (its arrays double when full), so a run allowed many steps
 * that stops early, e.g. at a tolerance, holds only the steps it took.
 */
public final class History {
    private final DoubleSeries loss = new DoubleSeries();
    private final DoubleSeries gradNorm = new DoubleSeries();
    private final DoubleSeries learningRate = new DoubleSeries();
    private final DoubleSeries params;
    private final int dimension;
    private final DoubleSeries epochLoss = new DoubleSeries();

    History(int dimension, boolean recordParams) {
        this.dimension = dimension;
        this.params = recordParams ? new DoubleSeries() : null;
    }

    void recordStep(double lossValue, double gradientNorm, double rate) {
        loss.add(lossValue);
        gradNorm.add(gradientNorm);
        learningRate.add(rate);
    }

    void recordParams(double[] p) {
        if (params != null) {
            params.addAll(p, 0, dimension);
        }
    }

    void recordEpochLoss(double value) {
        epochLoss.add(value);
    }

    /** Number of steps recorded. */
    public int steps() {
        return loss.size();
    }

    /** Loss at each step (the mini-batch loss in stochastic training). */
    public double[] loss() {
        return loss.toArray();
    }

    /**
     * The loss above a reference at each step, {@code loss[t] - best} (e.g. the loss at the
     * closed-form minimum): what a log-scale plot of convergence shows.
     */
    public double[] excessLoss(double best) {
        double[] out = loss.toArray();
        for (int t = 0; t < out.length; t++) {
            out[t] -= best;
        }
        return out;
    }

    /** Euclidean norm of the raw gradient at each step. */
    public double[] gradientNorm() {
        return gradNorm.toArray();
    }

    /**
     * The learning rate passed to the optimizer at each step: its base rate times the schedule's
     * factor. (For adaptive optimizers the length of the step also depends on their state.)
     */
    public double[] learningRate() {
        return learningRate.toArray();
    }

    /**
     * The learning rate at each step.
     *
     * @deprecated the values are learning rates, not the lengths of the steps: use {@link #learningRate()}
     */
    @Deprecated
    public double[] stepSize() {
        return learningRate();
    }

    /**
     * Loss on the whole objective at the start and after each epoch (for full-batch training an
     * epoch is one step): entry 0 is the initial loss. A mini-batch run given a number of steps
     * that ends inside an epoch also records the loss at its last step.
     */
    public double[] epochLoss() {
        return epochLoss.toArray();
    }

    /** Whether parameters were recorded (see {@link Trainer#recordParams}). */
    public boolean hasParams() {
        return params != null;
    }

    /** Number of recorded parameter vectors: the start and one after each update. */
    private int paramPoints() {
        return params.size() / dimension;
    }

    /**
     * The parameter trajectory: row 0 is the start, row k + 1 the parameters after step k. Each
     * call copies the whole trajectory: call it once, or use {@link #paramsAt} for one point.
     *
     * @throws IllegalStateException if the trainer did not record parameters
     */
    public double[][] params() {
        requireParams();
        double[][] out = new double[paramPoints()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = params.toArray(k * dimension, (k + 1) * dimension);
        }
        return out;
    }

    /**
     * The parameters at one point of the trajectory: {@code point} 0 is the start, {@code k + 1} the
     * parameters after step k (a copy of one row of {@link #params()}).
     *
     * @throws IllegalArgumentException if {@code point} is not in {@code [0, steps + 1)}
     * @throws IllegalStateException    if the trainer did not record parameters
     */
    public double[] paramsAt(int point) {
        requireParams();
        if (point < 0 || point >= paramPoints()) {
            throw new IllegalArgumentException("point must be in [0, " + paramPoints() + "), got " + point);
        }
        return params.toArray(point * dimension, (point + 1) * dimension);
    }

    /** Parameter {@code index} along the trajectory (e.g. the path of w, or of b). */
    public double[] param(int index) {
        requireParams();
        if (index < 0 || index >= dimension) {
            throw new IllegalArgumentException("index must be in [0, " + dimension + "), got " + index);
        }
        double[] out = new double[paramPoints()];
        for (int k = 0; k < out.length; k++) {
            out[k] = params.get(k * dimension + index);
        }
        return out;
    }

    /**
     * The Euclidean distance from the parameters to {@code point} (e.g. a known minimum) along the
     * trajectory: entry 0 at the start, entry k + 1 after step k.
     *
     * @throws IllegalStateException    if the trainer did not record parameters
     * @throws IllegalArgumentException if {@code point} has the wrong length
     */
    public double[] distanceTo(double[] point) {
        Args.length("point", point, dimension);
        double[][] p = params();
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = Vec.distance(point, p[k]);
        }
        return out;
    }

    private void requireParams() {
        if (params == null) {
            throw new IllegalStateException("parameters were not recorded; call Trainer.recordParams(true)");
        }
    }
}
