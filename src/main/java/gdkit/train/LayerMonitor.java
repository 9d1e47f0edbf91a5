package gdkit.train;

import java.util.Arrays;

import gdkit.model.Objective;
import gdkit.model.ParameterBlocks;
import gdkit.util.Args;

/**
 * Records the gradient norm of every parameter block (a layer's {@code W}, its {@code b}) at
 * every step of a training run. Pass it to {@link Trainer#listener}; afterwards
 * {@link #norms(String)} gives one block's series and {@link #matrix} the whole block x step
 * table (e.g. for a heat map). It sizes itself when a run starts and grows by doubling if a run
 * (or a caller of {@link #onStep}) goes beyond its room, so it allocates almost never.
 *
 * <pre>{@code
 * LayerMonitor monitor = LayerMonitor.of(objective);
 * Run run = Trainer.of(objective, new GradientDescent(0.1)).steps(200).listener(monitor).run(p0);
 * double[] first = monitor.norms("layer1.W");   // per step
 * double[] layer3 = monitor.norms("layer3");    // W and b of layer 3 together
 * }</pre>
 *
 * <p>The trainer calls listeners for every step it completes, so a run that diverged at step k
 * has k recorded steps. A monitor reused for another run holds that run only. One run at a time.
 */
public final class LayerMonitor implements StepListener {
    /** Runs longer than this many steps (e.g. stopped early by a tolerance) grow the table as they go. */
    private static final int PRESIZE_LIMIT = 1 << 16;

    private final ParameterBlocks blocks;
    private int capacity;
    private double[] norms;
    private int steps;

    /**
     * @param blocks   the objective's parameter blocks
     * @param capacity the number of steps to make room for at first (a run makes room for its own)
     */
    public LayerMonitor(ParameterBlocks blocks, int capacity) {
        this.blocks = blocks;
        this.capacity = Args.atLeast("capacity", capacity, 1);
        this.norms = new double[blocks.count() * capacity];
    }

    /** A monitor for the blocks of {@code objective}; it sizes itself for each run. */
    public static LayerMonitor of(Objective objective) {
        return new LayerMonitor(objective.blocks(), 1);
    }

    /** A monitor for the blocks of {@code objective} with room for {@code capacity} steps at first. */
    public static LayerMonitor of(Objective objective, int capacity) {
        return new LayerMonitor(objective.blocks(), capacity);
    }

    /**
     * Forgets the previous run and makes room for this one's steps.
     *
     * @throws IllegalArgumentException if the run's parameter blocks are not this monitor's
     */
    @Override
    public void onRunStart(RunInfo run) {
        if (!run.blocks().names().equals(blocks.names()) || run.dimension() != blocks.dimension()) {
            throw new IllegalArgumentException("this LayerMonitor watches blocks " + blocks.names()
                    + " but the run's objective has " + run.blocks().names());
        }
        steps = 0;
        int room = Math.min(run.totalSteps(), PRESIZE_LIMIT);
        if (room > capacity) {
            resize(room);
        }
    }

    @Override
    public void onStep(int step, double[] params, double[] gradient, double loss) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step >= capacity) {
            resize((int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * capacity, step + 1L)));
        }
        for (int b = 0; b < blocks.count(); b++) {
            norms[b * capacity + step] = blocks.norm(gradient, b);
        }
        steps = step + 1;
    }

    /** Moves the recorded steps into a table with room for {@code newCapacity} steps per block. */
    private void resize(int newCapacity) {
        double[] grown = new double[Math.multiplyExact(blocks.count(), newCapacity)];
        for (int b = 0; b < blocks.count(); b++) {
            System.arraycopy(norms, b * capacity, grown, b * newCapacity, steps);
        }
        norms = grown;
        capacity = newCapacity;
    }

    /** Number of steps recorded (in the most recent run). */
    public int steps() {
        return steps;
    }

    public ParameterBlocks blocks() {
        return blocks;
    }

    /** Gradient norm of block {@code b} at each recorded step. */
    public double[] norms(int block) {
        if (block < 0 || block >= blocks.count()) {
            throw new IllegalArgumentException("block must be in [0, " + blocks.count() + "), got " + block);
        }
        return Arrays.copyOfRange(norms, block * capacity, block * capacity + steps);
    }

    /**
     * Gradient norm at each recorded step of the block called {@code name} (e.g.
     * {@code "layer2.W"}), or of all blocks whose names start with {@code name + "."} taken
     * together (e.g. {@code "layer2"}: the norm of W and b of layer 2).
     *
     * @throws IllegalArgumentException listing the block names if none matches
     */
    public double[] norms(String name) {
        int exact = blocks.names().indexOf(name);
        if (exact >= 0) {
            return norms(exact);
        }
        double[] out = new double[steps];
        boolean found = false;
        for (int b = 0; b < blocks.count(); b++) {
            if (blocks.name(b).startsWith(name + ".")) {
                found = true;
                for (int t = 0; t < steps; t++) {
                    double v = norms[b * capacity + t];
                    out[t] += v * v;
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no parameter block '" + name + "' (nor '" + name
                    + ".*'); blocks are " + blocks.names());
        }
        for (int t = 0; t < steps; t++) {
            out[t] = Math.sqrt(out[t]);
        }
        return out;
    }

    /**
     * The norms of the named blocks (or layers, as in {@link #norms(String)}) as a table:
     * {@code matrix(names)[i][t]} is name i's gradient norm at step t.
     */
    public double[][] matrix(String... names) {
        double[][] out = new double[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = norms(names[i]);
        }
        return out;
    }

    /** Each block's gradient norm at the last recorded step, in block order. */
    public double[] last() {
        if (steps == 0) {
            throw new IllegalStateException("no step recorded yet");
        }
        double[] out = new double[blocks.count()];
        for (int b = 0; b < out.length; b++) {
            out[b] = norms[b * capacity + steps - 1];
        }
        return out;
    }
}
