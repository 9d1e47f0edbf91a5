package gdkit.train;

import gdkit.model.ParameterBlocks;

/**
 * What a run will be, given to {@link Callback#onRunStart} so a callback can size its buffers and
 * forget an earlier run.
 *
 * @param plan          the batch plan
 * @param totalSteps    the number of steps the run takes if nothing stops it
 * @param epochs        the number of epochs (for full-batch training, equal to the steps)
 * @param stepsPerEpoch steps in a full epoch (1 for full-batch training)
 * @param blocks        how the parameter vector splits into blocks
 * @param initialLoss   the loss at the start
 */
public record RunInfo(BatchPlan plan, int totalSteps, int epochs, int stepsPerEpoch, ParameterBlocks blocks,
        double initialLoss) {
    /** Number of parameters. */
    public int dimension() {
        return blocks.dimension();
    }
}
