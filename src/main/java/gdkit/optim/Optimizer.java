package gdkit.optim;

/**
 * An update rule: given the parameters and their gradient, change the parameters in place. The
 * vocabulary follows PyTorch's {@code torch.optim}: {@link #step} applies one update.
 *
 * <p><b>The learning rate is an argument.</b> An optimizer keeps the base rate it was built with
 * ({@link #learningRate()}, fixed for its lifetime); a learning-rate schedule does not change the
 * optimizer but passes the scheduled rate to {@link #step(double[], double[], double)}, which is
 * what the {@code Trainer} does at every step. {@link #step(double[], double[])} takes a step at
 * the base rate, for hand-written loops.
 *
 * <p><b>State and threads.</b> Implementations keep their per-parameter state (momentum buffers,
 * running averages) between steps, allocate it once, and never allocate inside {@code step}. That
 * state belongs to one sequence of steps, so an optimizer is not thread-safe and serves one run at
 * a time: the {@code Trainer} resets it when a run starts and refuses to start a second run with an
 * optimizer that is still training (on another thread, or from a listener of the first run). Give
 * every run that may overlap another its own optimizer.
 *
 * <p>A rule of one's own needs only {@link #step(double[], double[])}, {@link #learningRate()},
 * {@link #reset()} and {@link #describe()}; it then runs under the {@code Trainer} at a constant
 * rate. To run under a schedule it also overrides {@link #step(double[], double[], double)}.
 */
public interface Optimizer {
    /**
     * Applies one update to {@code params} in place, at the base learning rate.
     *
     * @param params   the parameters, updated in place
     * @param gradient the gradient of the loss at {@code params}; not modified
     */
    void step(double[] params, double[] gradient);

    /**
     * Applies one update to {@code params} in place, at learning rate {@code learningRate} (e.g.
     * the base rate times a schedule's factor). The default accepts only the base rate and then
     * calls {@link #step(double[], double[])}; gdkit's optimizers accept any finite rate
     * {@code > 0}.
     *
     * @throws UnsupportedOperationException if this implementation has no such override and
     *                                       {@code learningRate} is not its base rate
     */
    default void step(double[] params, double[] gradient, double learningRate) {
        if (learningRate != learningRate()) {
            throw new UnsupportedOperationException(describe() + " steps only at its base learning rate "
                    + learningRate() + ", not " + learningRate + ": implement step(params, gradient, learningRate) "
                    + "in " + getClass().getSimpleName() + " to use it with a schedule");
        }
        step(params, gradient);
    }

    /** The base learning rate, given at construction and never changed. */
    double learningRate();

    /** Forgets all state (momentum, running averages), as if no step had been taken. */
    void reset();

    /** A short description with the hyper-parameters, e.g. {@code "GD(lr=0.1)"}. */
    String describe();
}
