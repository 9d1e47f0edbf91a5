package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Something applied to the gradient between computing it and the update, such as clipping. It
 * modifies the gradient in place and must not allocate. The rule itself keeps no state between
 * gradients; a transform may record what it did (the clippers' statistics), and then forgets it
 * at {@link #reset}. Not thread-safe when it records: one run at a time.
 */
@FunctionalInterface
public interface GradientTransform {
    /**
     * Transforms {@code gradient} in place.
     *
     * @param blocks how the gradient splits into parameter blocks (layers)
     */
    void apply(double[] gradient, ParameterBlocks blocks);

    /**
     * Forgets what earlier gradients left behind (statistics, records), so a transform reused for
     * another run does not mix the two. The {@code Trainer} calls it when a run starts. Does
     * nothing by default: a pure rule keeps nothing.
     */
    default void reset() {
    }
}
