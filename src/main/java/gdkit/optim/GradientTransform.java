package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Something applied to the gradient between computing it and the update, such as clipping. It
 * modifies the gradient in place and must not allocate.
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
