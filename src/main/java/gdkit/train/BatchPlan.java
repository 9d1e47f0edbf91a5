package gdkit.train;

import gdkit.util.Args;

/**
 * What a training run iterates over: full-batch steps, or mini-batches of the examples reshuffled
 * every epoch. {@link Trainer#steps}, {@link Trainer#epochs}, {@link Trainer#batchSize} and
 * {@link Trainer#seed} build one, in any order; {@link Trainer#plan(BatchPlan)} sets one directly.
 *
 * <pre>{@code
 * BatchPlan.fullBatch(200)                 // 200 steps on the whole objective
 * BatchPlan.epochs(20, 10, 1)              // 20 epochs of mini-batches of 10, shuffled with seed 1
 * BatchPlan.miniBatchSteps(500, 10, 1)     // 500 mini-batch steps of 10, reshuffled every epoch
 * }</pre>
 */
public sealed interface BatchPlan permits BatchPlan.FullBatch, BatchPlan.MiniBatches {
    /** A batch size meaning "all examples": one shuffled batch per epoch. */
    int WHOLE_DATA_SET = Integer.MAX_VALUE;

    /** {@code steps} steps, each on the gradient of the whole objective. */
    static FullBatch fullBatch(int steps) {
        return new FullBatch(steps);
    }

    /** {@code epochs} passes over the examples in mini-batches of {@code batchSize}, shuffled with {@code seed}. */
    static MiniBatches epochs(int epochs, int batchSize, long seed) {
        return new MiniBatches(batchSize, epochs, Length.EPOCHS, seed);
    }

    /** {@code steps} mini-batch steps of {@code batchSize} examples, reshuffled with {@code seed} every epoch. */
    static MiniBatches miniBatchSteps(int steps, int batchSize, long seed) {
        return new MiniBatches(batchSize, steps, Length.STEPS, seed);
    }

    /** Full-batch training: every step uses the gradient of the whole objective. */
    record FullBatch(int steps) implements BatchPlan {
        /** @throws IllegalArgumentException unless {@code steps >= 1} */
        public FullBatch {
            Args.atLeast("steps", steps, 1);
        }

        @Override
        public String toString() {
            return steps + " full-batch steps";
        }
    }

    /** How the length of a mini-batch run is counted. */
    enum Length {
        /** In passes over the examples. */
        EPOCHS,
        /** In updates (the last epoch may be partial). */
        STEPS
    }

    /**
     * Mini-batch training: each epoch shuffles the examples (Fisher-Yates, seeded) and takes one
     * step per batch of {@code batchSize} consecutive examples of that order; the last batch of an
     * epoch may be smaller. The run lasts {@code count} epochs or {@code count} steps.
     *
     * @param batchSize examples per step, {@code >= 1}; larger than the data set means all of it
     * @param count     number of epochs or steps, {@code >= 1}
     * @param length    whether {@code count} counts epochs or steps
     * @param seed      seed of the shuffles
     */
    record MiniBatches(int batchSize, int count, Length length, long seed) implements BatchPlan {
        /** @throws IllegalArgumentException if a number is out of range or {@code length} is null */
        public MiniBatches {
            Args.atLeast("batchSize", batchSize, 1);
            Args.atLeast(length == Length.STEPS ? "steps" : "epochs", count, 1);
            if (length == null) {
                throw new IllegalArgumentException("length must be EPOCHS or STEPS, got null");
            }
        }

        @Override
        public String toString() {
            String batches = batchSize == WHOLE_DATA_SET ? "whole-data-set batches" : "mini-batches of " + batchSize;
            return count + (length == Length.EPOCHS ? " epochs of " : " steps of ") + batches + ", seed " + seed;
        }
    }
}
