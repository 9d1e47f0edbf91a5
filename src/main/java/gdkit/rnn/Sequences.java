package gdkit.rnn;

import java.util.SplittableRandom;

import gdkit.util.Args;

/**
 * A set of input sequences of one length with one target vector per sequence (a many-to-one
 * task). Example {@code i} has inputs {@code x(i, t)} for the time steps {@code t = 1 ... length}
 * and the target {@code y(i)}; the network reads the target at the last step.
 *
 * <p>Two generated tasks with a long-range dependence, both seeded:
 * <ul>
 * <li>{@link #recall}: a number shown at step 1 must be reported at step {@code length}, after
 * {@code length - 1} steps of silence (or noise);</li>
 * <li>{@link #adding}: the adding problem of Hochreiter &amp; Schmidhuber (1997): the sum of the two
 * values marked in a sequence of random values.</li>
 * </ul>
 */
public final class Sequences {
    private final int size;
    private final int length;
    private final int inputs;
    private final int outputs;
    private final double[] x;
    private final double[] y;

    /**
     * Sequences from arrays: {@code x[i][t][d]} is input {@code d} of example {@code i} at step
     * {@code t + 1}; {@code y[i]} is example {@code i}'s target.
     *
     * @throws IllegalArgumentException naming the example whose length or width differs from the
     *                                  first one's, or a value that is not finite
     */
    public static Sequences of(double[][][] x, double[][] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need one target per sequence and at least one sequence, got "
                    + x.length + " sequences and " + y.length + " targets");
        }
        int length = x[0].length;
        int inputs = length > 0 ? x[0][0].length : 0;
        int outputs = y[0].length;
        Args.atLeast("sequence length", length, 1);
        Args.atLeast("inputs per step", inputs, 1);
        Args.atLeast("target width", outputs, 1);
        Sequences s = new Sequences(x.length, length, inputs, outputs);
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != length || y[i].length != outputs) {
                throw new IllegalArgumentException("example " + i + " has " + x[i].length + " steps and "
                        + y[i].length + " targets; example 0 has " + length + " and " + outputs);
            }
            for (int t = 0; t < length; t++) {
                if (x[i][t].length != inputs) {
                    throw new IllegalArgumentException("example " + i + ", step " + (t + 1) + " has "
                            + x[i][t].length + " inputs; expected " + inputs);
                }
                for (int d = 0; d < inputs; d++) {
                    s.x[(i * length + t) * inputs + d] = finite(x[i][t][d], i, "input at step " + (t + 1));
                }
            }
            for (int k = 0; k < outputs; k++) {
                s.y[i * outputs + k] = finite(y[i][k], i, "target");
            }
        }
        return s;
    }

    /**
     * The recall task: one input channel; at step 1 a value v drawn uniformly from [-1, 1], at
     * steps 2 ... {@code length} zero plus Gaussian noise of standard deviation {@code noise};
     * the target is v. Predicting 0 gives the mean squared error E[v^2] = 1/3.
     */
    public static Sequences recall(int size, int length, double noise, long seed) {
        Args.atLeast("size", size, 1);
        Args.atLeast("length", length, 1);
        Args.nonNegative("noise", noise);
        SplittableRandom rng = new SplittableRandom(seed);
        Sequences s = new Sequences(size, length, 1, 1);
        for (int i = 0; i < size; i++) {
            double v = 2 * rng.nextDouble() - 1;
            s.x[i * length] = v;
            for (int t = 1; t < length; t++) {
                s.x[i * length + t] = noise > 0 ? noise * rng.nextGaussian() : 0;
            }
            s.y[i] = v;
        }
        return s;
    }

    /**
     * The adding problem: two input channels; channel 0 holds values drawn uniformly from
     * [0, 1], channel 1 is 1 at two steps and 0 elsewhere (the first mark among the first
     * {@code length / 2} steps, the second among the rest); the target is the sum of the two
     * marked values. Predicting 1 gives the mean squared error 1/6.
     */
    public static Sequences adding(int size, int length, long seed) {
        Args.atLeast("size", size, 1);
        Args.atLeast("length", length, 2);
        SplittableRandom rng = new SplittableRandom(seed);
        Sequences s = new Sequences(size, length, 2, 1);
        int half = length / 2;
        for (int i = 0; i < size; i++) {
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(length - half);
            double sum = 0;
            for (int t = 0; t < length; t++) {
                double v = rng.nextDouble();
                int at = (i * length + t) * 2;
                s.x[at] = v;
                if (t == first || t == second) {
                    s.x[at + 1] = 1;
                    sum += v;
                }
            }
            s.y[i] = sum;
        }
        return s;
    }

    private Sequences(int size, int length, int inputs, int outputs) {
        this.size = size;
        this.length = length;
        this.inputs = inputs;
        this.outputs = outputs;
        this.x = new double[size * length * inputs];
        this.y = new double[size * outputs];
    }

    private static double finite(double v, int example, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("example " + example + ": " + what + " is " + v + " (must be finite)");
        }
        return v;
    }

    /** Number of sequences. */
    public int size() {
        return size;
    }

    /** Number of time steps of every sequence. */
    public int length() {
        return length;
    }

    /** Number of inputs per time step. */
    public int inputs() {
        return inputs;
    }

    /** Width of each target. */
    public int outputs() {
        return outputs;
    }

    /** Input {@code d} of example {@code i} at step {@code t} (1-based, {@code 1 <= t <= length}). */
    public double x(int i, int t, int d) {
        return x[(i * length + t - 1) * inputs + d];
    }

    /** Target {@code k} of example {@code i}. */
    public double y(int i, int k) {
        return y[i * outputs + k];
    }

    /** The targets' mean squared deviation from their mean: the loss of the best constant prediction. */
    public double targetVariance() {
        double total = 0;
        for (int k = 0; k < outputs; k++) {
            double mean = 0;
            for (int i = 0; i < size; i++) {
                mean += y(i, k);
            }
            mean /= size;
            for (int i = 0; i < size; i++) {
                double r = y(i, k) - mean;
                total += r * r;
            }
        }
        return total / size;
    }

    /** Example {@code i}'s inputs start at this index of {@link #rawInputs()}. */
    int inputOffset(int i) {
        return i * length * inputs;
    }

    double[] rawInputs() {
        return x;
    }

    double[] rawTargets() {
        return y;
    }

    @Override
    public String toString() {
        return String.format("Sequences(%d x %d steps x %d inputs -> %d targets)", size, length, inputs, outputs);
    }
}
