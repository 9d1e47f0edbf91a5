package gdkit.model;

/**
 * A differentiable function of a parameter vector: the contract every optimizer in gdkit works
 * on. Linear regression, the neural networks and the 2-D test functions all implement it, so the
 * same optimizers and training loop run on each.
 *
 * <p>Parameters are a flat {@code double[]}; {@link #blocks()} says how it splits into named
 * blocks (a layer's weights, its biases) for per-block monitoring and clipping.
 *
 * <p><b>Threads.</b> Models may keep scratch buffers between calls (linear regression's chunk
 * sums, a network's activations and batch buffers), so an objective is not thread-safe: evaluate
 * it from one thread at a time, and give runs on different threads their own objective. Calls
 * from a listener on the training thread are fine.
 */
public interface Objective {
    /** Number of parameters. */
    int dimension();

    /** The loss at {@code params}. */
    double loss(double[] params);

    /**
     * Computes the loss and writes its gradient into {@code gradient} (overwriting it).
     *
     * @return the loss at {@code params}
     */
    double lossAndGradient(double[] params, double[] gradient);

    /** How the parameter vector splits into named blocks; one block by default. */
    default ParameterBlocks blocks() {
        return ParameterBlocks.single("params", dimension());
    }
}
