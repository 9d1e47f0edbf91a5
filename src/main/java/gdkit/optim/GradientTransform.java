package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Something applied to the gradient between computing it and the update, such as clipping. It
 * modifies the gradient in place and must not allocate. A transform is a pure rule: it keeps no
 * state between gradients, so one instance may serve several runs, also at the same time. What it
 * did is recorded, when wanted, by a callback that compares the gradient before and after it
 * ({@code gdkit.train.ClipRecorder}).
 */
@FunctionalInterface
public interface GradientTransform {
    /**
     * Transforms {@code gradient} in place.
     *
     * @param blocks how the gradient splits into parameter blocks (layers)
     */
    void apply(double[] gradient, ParameterBlocks blocks);
}
