package gdkit.optim;

/**
 * An update rule: given the parameters and their gradient, change the parameters in place. The
 * vocabulary follows PyTorch's {@code torch.optim}: {@link #step} applies one update and the
 * learning rate can be changed between steps (which is all a learning-rate schedule does).
 *
 * <p>Implementations keep their per-parameter state (momentum buffers, running averages) between
 * steps, allocate it once, and never allocate inside {@link #step}.
 */
public interface Optimizer {
    /**
     * Applies one update to {@code params} in place.
     *
     * @param params   the parameters, updated in place
     * @param gradient the gradient of the loss at {@code params}; not modified
     */
    void step(double[] params, double[] gradient);

    /** The current learning rate. */
    double learningRate();

    /**
     * Sets the learning rate used by the next {@link #step}.
     *
     * @throws IllegalArgumentException unless {@code rate} is finite and {@code > 0}
     */
    void setLearningRate(double rate);

    /** Forgets all state (momentum, running averages), as if no step had been taken. */
    void reset();

    /** A short description with the hyper-parameters, e.g. {@code "GD(lr=0.1)"}. */
    String describe();
}
