package gdkit.model;

/**
 * An objective that is a mean over examples, {@code L(p) = (1/n) sum_i l_i(p)}, so a mini-batch
 * gives an unbiased estimate of its gradient. Stochastic gradient descent needs this.
 */
public interface SeparableObjective extends Objective {
    /** Number of examples n. */
    int examples();

    /**
     * Loss and gradient averaged over the examples {@code order[from] ... order[to - 1]}.
     *
     * @param order    a permutation of the example indices (the trainer shuffles it each epoch)
     * @param gradient output, overwritten
     * @return the mean loss over the batch
     */
    double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient);
}
