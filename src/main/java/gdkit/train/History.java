package gdkit.train;

import java.util.Arrays;

/**
 * What a training run recorded, step by step. Arrays are copies, trimmed to the steps actually
 * taken. Step k's loss and gradient norm are measured at the parameters before update k; when a
 * run diverges, the last entry is the step where it did (and may be NaN or infinite).
 */
public final class History {
    private final double[] loss;
    private final double[] gradNorm;
    private final double[] stepSize;
    private final double[] params;
    private final int dimension;
    private final double[] epochLoss;
    private int steps;
    private int paramPoints;
    private int epochs;

    History(int capacity, int dimension, boolean recordParams, int epochCapacity) {
        this.loss = new double[capacity];
        this.gradNorm = new double[capacity];
        this.stepSize = new double[capacity];
        this.dimension = dimension;
        this.params = recordParams ? new double[(capacity + 1) * dimension] : null;
        this.epochLoss = new double[epochCapacity + 1];
    }

    void recordStep(double lossValue, double gradientNorm, double learningRate) {
        loss[steps] = lossValue;
        gradNorm[steps] = gradientNorm;
        stepSize[steps] = learningRate;
        steps++;
    }

    void recordParams(double[] p) {
        if (params != null) {
            System.arraycopy(p, 0, params, paramPoints * dimension, dimension);
            paramPoints++;
        }
    }

    void recordEpochLoss(double value) {
        epochLoss[epochs++] = value;
    }

    /** Number of steps recorded. */
    public int steps() {
        return steps;
    }

    /** Loss at each step (the mini-batch loss in stochastic training). */
    public double[] loss() {
        return Arrays.copyOf(loss, steps);
    }

    /** Euclidean norm of the raw gradient at each step. */
    public double[] gradientNorm() {
        return Arrays.copyOf(gradNorm, steps);
    }

    /** Learning rate used at each step. */
    public double[] stepSize() {
        return Arrays.copyOf(stepSize, steps);
    }

    /**
     * Loss on the whole objective at the start and after each epoch (for full-batch training an
     * epoch is one step): entry 0 is the initial loss.
     */
    public double[] epochLoss() {
        return Arrays.copyOf(epochLoss, epochs);
    }

    /** Whether parameters were recorded (see {@link Trainer#recordParams}). */
    public boolean hasParams() {
        return params != null;
    }

    /**
     * The parameter trajectory: row 0 is the start, row k + 1 the parameters after step k.
     *
     * @throws IllegalStateException if the trainer did not record parameters
     */
    public double[][] params() {
        if (params == null) {
            throw new IllegalStateException("parameters were not recorded; call Trainer.recordParams(true)");
        }
        double[][] out = new double[paramPoints][];
        for (int k = 0; k < paramPoints; k++) {
            out[k] = Arrays.copyOfRange(params, k * dimension, (k + 1) * dimension);
        }
        return out;
    }

    /** Parameter {@code index} along the trajectory (e.g. the path of w, or of b). */
    public double[] param(int index) {
        double[][] p = params();
        int dim = p.length == 0 ? 0 : p[0].length;
        if (index < 0 || index >= dim) {
            throw new IllegalArgumentException("index must be in [0, " + dim + "), got " + index);
        }
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = p[k][index];
        }
        return out;
    }
}
