package gdkit.train;

import gdkit.model.ParameterBlocks;

/**
 * The step in progress, as the {@link Trainer} shows it to {@link Callback}s. One object is
 * reused for every step of a run (no allocation per step); its arrays are the trainer's own, so a
 * callback must not keep them beyond the call, and only {@link Callback#onGradient} may change
 * {@link #gradient()}.
 */
public final class Step {
    private final ParameterBlocks blocks;
    private final double[] params;
    private final double[] gradient;
    private int step;
    private int epoch;
    private double loss;
    private double gradientNorm;
    private double learningRate;

    Step(ParameterBlocks blocks, double[] params, double[] gradient) {
        this.blocks = blocks;
        this.params = params;
        this.gradient = gradient;
    }

    void set(int stepIndex, int epochIndex, double lossValue, double rawGradientNorm, double rate) {
        this.step = stepIndex;
        this.epoch = epochIndex;
        this.loss = lossValue;
        this.gradientNorm = rawGradientNorm;
        this.learningRate = rate;
    }

    /** The 0-based step index. */
    public int step() {
        return step;
    }

    /** The 0-based epoch (for full-batch training, equal to the step). */
    public int epoch() {
        return epoch;
    }

    /** The loss at {@link #params()} (of the mini-batch, in mini-batch training). */
    public double loss() {
        return loss;
    }

    /**
     * The parameters: before the update until {@link Callback#onGradient}, after it in
     * {@link Callback#onStepEnd}. Read only.
     */
    public double[] params() {
        return params;
    }

    /**
     * The gradient: raw in {@link Callback#check} and {@link Callback#onStepStart}, rewritten in
     * place by {@link Callback#onGradient} (clipping, normalization), and as the optimizer used it
     * in {@link Callback#onStepEnd}.
     */
    public double[] gradient() {
        return gradient;
    }

    /** Euclidean norm of the raw gradient (before any transform). */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** The learning rate of this step: the optimizer's base rate times the schedule's factor. */
    public double learningRate() {
        return learningRate;
    }

    /** How the parameter vector splits into blocks. */
    public ParameterBlocks blocks() {
        return blocks;
    }
}
