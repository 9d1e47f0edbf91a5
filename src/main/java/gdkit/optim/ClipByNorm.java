package gdkit.optim;

import gdkit.model.ParameterBlocks;

/**
 * Clipping by norm, block by block: each parameter block {@code g_b} (a layer's weights, its
 * biases, see {@link ParameterBlocks}) is multiplied by its own factor
 * {@code min(1, maxNorm / (||g_b|| + 1e-6))}, the rule of {@link ClipByGlobalNorm} applied per
 * block (TensorFlow's {@code clip_by_norm} on each tensor; in PyTorch, {@code clip_grad_norm_}
 * called once per parameter). Each block keeps its direction, but blocks are shrunk by different
 * factors, so the direction of the whole gradient changes and the relative size of the layers'
 * updates changes: every clipped block ends with norm {@code maxNorm}. A block whose norm is not
 * finite is left unchanged.
 */
public final class ClipByNorm extends GradientClipping {
    /**
     * @param maxNorm the largest allowed norm of each block, finite and {@code > 0}
     * @throws IllegalArgumentException otherwise
     */
    public ClipByNorm(double maxNorm) {
        super("maxNorm", maxNorm);
    }

    @Override
    protected void clip(double[] gradient, ParameterBlocks blocks) {
        for (int b = 0; b < blocks.count(); b++) {
            double norm = blocks.norm(gradient, b);
            double s = Double.isFinite(norm) ? ClipByGlobalNorm.factor(threshold(), norm) : 1.0;
            if (s < 1.0) {
                for (int i = blocks.start(b); i < blocks.end(b); i++) {
                    gradient[i] *= s;
                }
            }
        }
    }
}
