package gdkit.optim;

import java.util.Arrays;

import gdkit.model.ParameterBlocks;
import gdkit.util.DoubleSeries;

/**
 * Clipping by norm, block by block: each parameter block {@code g_b} (a layer's weights, its
 * biases, see {@link ParameterBlocks}) is multiplied by its own factor
 * {@code min(1, maxNorm / (||g_b|| + 1e-6))}, the rule of {@link ClipByGlobalNorm} applied per
 * block (TensorFlow's {@code clip_by_norm} on each tensor; in PyTorch, {@code clip_grad_norm_}
 * called once per parameter). Each block keeps its direction, but blocks are shrunk by different
 * factors, so the direction of the whole gradient changes and the relative size of the layers'
 * updates changes: every clipped block ends with norm {@code maxNorm}.
 *
 * <p>Besides the whole-gradient statistics of {@link GradientClipping}, it records each block's
 * norm before clipping and its factor, for the last step and (with {@link #record()}) every step.
 */
public final class ClipByNorm extends GradientClipping {
    private double[] blockNorms = new double[0];
    private double[] blockScales = new double[0];
    private final DoubleSeries normsPerBlock = new DoubleSeries();
    private final DoubleSeries scalesPerBlock = new DoubleSeries();
    private int recordedBlocks;

    /**
     * @param maxNorm the largest allowed norm of each block, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public ClipByNorm(double maxNorm) {
        super("maxNorm", maxNorm);
    }

    @Override
    public ClipByNorm record() {
        super.record();
        return this;
    }

    @Override
    protected void clip(double[] gradient, ParameterBlocks blocks) {
        int count = blocks.count();
        if (blockNorms.length != count) {
            if (normsPerBlock.size() > 0 && recordedBlocks != count) {
                throw new IllegalStateException("this clipper recorded gradients with " + recordedBlocks
                        + " blocks and now gets " + count + "; call reset() between different models");
            }
            blockNorms = new double[count];
            blockScales = new double[count];
        }
        double before = 0;
        double after = 0;
        double dot = 0;
        int changed = 0;
        for (int b = 0; b < count; b++) {
            double norm = blocks.norm(gradient, b);
            double s = Double.isFinite(norm) ? ClipByGlobalNorm.factor(threshold(), norm) : 1.0;
            if (s < 1.0) {
                for (int i = blocks.start(b); i < blocks.end(b); i++) {
                    if (gradient[i] != 0) {
                        gradient[i] *= s;
                        changed++;
                    }
                }
            }
            blockNorms[b] = norm;
            blockScales[b] = s;
            before += norm * norm;
            after += s * s * norm * norm;
            dot += s * norm * norm;
        }
        double cos = changed == 0 ? 1.0 : Math.min(1.0, dot / Math.sqrt(before * after));
        double normBefore = Math.sqrt(before);
        double normAfter = Math.sqrt(after);
        report(normBefore, normAfter, changed == 0 || before == 0 ? 1.0 : normAfter / normBefore,
                gradient.length == 0 ? 0 : (double) changed / gradient.length, cos);
        if (recording()) {
            recordedBlocks = count;
            for (int b = 0; b < count; b++) {
                normsPerBlock.add(blockNorms[b]);
                scalesPerBlock.add(blockScales[b]);
            }
        }
    }

    @Override
    void resetBlocks() {
        Arrays.fill(blockNorms, Double.NaN);
        Arrays.fill(blockScales, Double.NaN);
        normsPerBlock.clear();
        scalesPerBlock.clear();
    }

    /** Number of blocks seen at the last step. */
    public int blockCount() {
        return blockNorms.length;
    }

    /** Norm of {@code block} before the last clipping. */
    public double lastBlockNorm(int block) {
        return blockNorms[checkBlock(block)];
    }

    /** The factor applied to {@code block} at the last step (1 if it was not clipped). */
    public double lastBlockScale(int block) {
        return blockScales[checkBlock(block)];
    }

    /** Per-step norms of {@code block} before clipping (empty unless {@link #record()} was called). */
    public double[] blockNormsBefore(int block) {
        return column(normsPerBlock, block);
    }

    /** Per-step factors applied to {@code block}. */
    public double[] blockScales(int block) {
        return column(scalesPerBlock, block);
    }

    private double[] column(DoubleSeries series, int block) {
        if (series.size() == 0) {
            return new double[0];
        }
        if (block < 0 || block >= recordedBlocks) {
            throw new IllegalArgumentException("block must be in [0, " + recordedBlocks + "), got " + block);
        }
        int n = series.size() / recordedBlocks;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = series.get(k * recordedBlocks + block);
        }
        return out;
    }

    private int checkBlock(int block) {
        if (block < 0 || block >= blockNorms.length) {
            throw new IllegalArgumentException("block must be in [0, " + blockNorms.length + "), got " + block
                    + (blockNorms.length == 0 ? " (no gradient clipped yet)" : ""));
        }
        return block;
    }
}
