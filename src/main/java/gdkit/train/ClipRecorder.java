package gdkit.train;

import gdkit.model.ParameterBlocks;
import gdkit.util.DoubleSeries;

/**
 * Records what the gradient transform (clipping, normalization) did at every step of a run, by
 * comparing the gradient before it with the gradient after it. Add it with
 * {@link Trainer#callback}; the transform itself keeps nothing.
 *
 * <pre>{@code
 * ClipRecorder clipping = new ClipRecorder();
 * Run run = Trainer.of(objective, new GradientDescent(0.1)).steps(200)
 *         .transform(new ClipByGlobalNorm(1.0)).callback(clipping).run(p0);
 * double share = (double) clipping.clippedSteps() / clipping.steps();
 * double[] cosines = clipping.cosines();   // 1 where the direction was kept
 * }</pre>
 *
 * <p>Per step it keeps the norm of the whole gradient before and after, their ratio (the factor by
 * which the norm shrank; 1 if nothing changed), the share of elements that changed, the cosine
 * between the two gradients, and each parameter block's norm before and factor. It works for any
 * transform, and for none (then nothing ever changes). It sizes itself when a run starts and
 * forgets the previous run there, so a recorder reused for another run holds that run only; the
 * records grow by doubling, so a step allocates almost never. One run at a time (the
 * {@link Trainer} refuses to share it between runs in progress).
 */
public final class ClipRecorder implements Callback {
    private double[] raw = new double[0];
    private int blockCount;
    private int steps;
    private int clippedSteps;
    private final DoubleSeries normsBefore = new DoubleSeries();
    private final DoubleSeries normsAfter = new DoubleSeries();
    private final DoubleSeries scales = new DoubleSeries();
    private final DoubleSeries fractions = new DoubleSeries();
    private final DoubleSeries cosines = new DoubleSeries();
    private final DoubleSeries blockNorms = new DoubleSeries();
    private final DoubleSeries blockScales = new DoubleSeries();

    /** Forgets the previous run and makes room for this one's gradient. */
    @Override
    public void onRunStart(RunInfo run) {
        if (raw.length != run.dimension()) {
            raw = new double[run.dimension()];
        }
        blockCount = run.blocks().count();
        steps = 0;
        clippedSteps = 0;
        normsBefore.clear();
        normsAfter.clear();
        scales.clear();
        fractions.clear();
        cosines.clear();
        blockNorms.clear();
        blockScales.clear();
    }

    /** Keeps a copy of the raw gradient. */
    @Override
    public void onStepStart(Step step) {
        System.arraycopy(step.gradient(), 0, raw, 0, raw.length);
    }

    /** Compares the gradient the optimizer used with the raw one. */
    @Override
    public void onStepEnd(Step step) {
        double[] used = step.gradient();
        ParameterBlocks blocks = step.blocks();
        double before = 0;
        double after = 0;
        double dot = 0;
        int changed = 0;
        for (int b = 0; b < blockCount; b++) {
            double blockBefore = 0;
            double blockAfter = 0;
            for (int i = blocks.start(b); i < blocks.end(b); i++) {
                double r = raw[i];
                double u = used[i];
                blockBefore += r * r;
                blockAfter += u * u;
                dot += r * u;
                if (Double.compare(r, u) != 0) {
                    changed++;
                }
            }
            before += blockBefore;
            after += blockAfter;
            blockNorms.add(Math.sqrt(blockBefore));
            blockScales.add(factor(blockBefore, blockAfter));
        }
        steps++;
        if (changed > 0) {
            clippedSteps++;
        }
        normsBefore.add(Math.sqrt(before));
        normsAfter.add(Math.sqrt(after));
        scales.add(changed == 0 ? 1.0 : factor(before, after));
        fractions.add(raw.length == 0 ? 0 : (double) changed / raw.length);
        cosines.add(changed == 0 ? 1.0 : Math.min(1.0, dot / Math.sqrt(before * after)));
    }

    /** {@code ||after|| / ||before||} from the squared norms: 1 for a zero gradient. */
    private static double factor(double squaredBefore, double squaredAfter) {
        return squaredBefore == 0 ? 1.0 : Math.sqrt(squaredAfter / squaredBefore);
    }

    /** Number of steps recorded. */
    public int steps() {
        return steps;
    }

    /** Number of steps at which the transform changed the gradient. */
    public int clippedSteps() {
        return clippedSteps;
    }

    /** Per step, the norm of the whole gradient before the transform. */
    public double[] normsBefore() {
        return normsBefore.toArray();
    }

    /** Per step, the norm of the whole gradient the optimizer used. */
    public double[] normsAfter() {
        return normsAfter.toArray();
    }

    /**
     * Per step, the factor by which the transform shrank the gradient's norm, {@code after / before}
     * (1 where nothing changed). For {@code ClipByGlobalNorm} it is the common factor of every element.
     */
    public double[] scales() {
        return scales.toArray();
    }

    /**
     * Per step, the share of the gradient's elements that the transform changed, in [0, 1]. Rescaling
     * leaves zeros as they are, so for a sparse gradient (a mini-batch of matrix factorization touches
     * few rows) this is at most the share of non-zero elements.
     */
    public double[] fractionsClipped() {
        return fractions.toArray();
    }

    /** Per step, the cosine between the gradient used and the raw one: 1 where the direction was kept. */
    public double[] cosines() {
        return cosines.toArray();
    }

    /** Number of parameter blocks of the recorded run. */
    public int blockCount() {
        return blockCount;
    }

    /** Per step, the norm of {@code block} before the transform. */
    public double[] blockNormsBefore(int block) {
        return column(blockNorms, block);
    }

    /** Per step, the factor by which the transform shrank {@code block}'s norm (1 where unchanged). */
    public double[] blockScales(int block) {
        return column(blockScales, block);
    }

    private double[] column(DoubleSeries series, int block) {
        if (block < 0 || block >= blockCount) {
            throw new IllegalArgumentException("block must be in [0, " + blockCount + "), got " + block
                    + (blockCount == 0 ? " (no run recorded yet)" : ""));
        }
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            out[k] = series.get(k * blockCount + block);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ClipRecorder(" + clippedSteps + " of " + steps + " steps changed)";
    }
}
