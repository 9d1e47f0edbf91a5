package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-layer statistics of one forward and one backward pass through a network: how large the
 * signal is at each layer going forward (the activations) and going backward (the gradient),
 * and how many units pass on almost no gradient. They show at a glance whether an
 * initialization keeps the signal's size from layer to layer, or lets it explode or vanish.
 *
 * <pre>{@code
 * LayerStats s = LayerStats.measure(net, net.initialize(Init.heNormal(), 1), x, outputGradient);
 * s.activationVariance()[k - 1];   // variance of layer k's activations, all batch x units entries pooled
 * s.signalVariance()[k - 1];       // each unit's variance across the examples, averaged: the input-dependent part
 * s.gradientVariance()[k - 1];     // variance of dL/dz at layer k
 * }</pre>
 *
 * <p>Every array has one entry per layer, layer {@code k} (counted from 1, as in
 * {@link Mlp#layer}) at index {@code k - 1}. Most statistics pool all entries of the layer's
 * batch x units matrix. {@link #signalVariance} does not: it takes each unit's variance across the
 * examples of the batch and averages over the units. The two differ when units have offsets that
 * are the same for every input (sigmoid's outputs have mean about 1/2, so each unit of the next
 * layer gets its own fixed offset {@code 1/2 sum_i W_ij}): the pooled variance counts those
 * offsets, the signal variance only the part of the activation that depends on the input.
 */
public final class LayerStats {
    /** A unit counts as saturated where its slope is below this fraction of the activation's largest slope. */
    public static final double SATURATION_SLOPE = 0.05;

    private final double[] activationMean;
    private final double[] activationVariance;
    private final double[] signalVariance;
    private final double[] preActivationVariance;
    private final double[] gradientVariance;
    private final double[] saturatedFraction;

    private LayerStats(int depth) {
        activationMean = new double[depth];
        activationVariance = new double[depth];
        signalVariance = new double[depth];
        preActivationVariance = new double[depth];
        gradientVariance = new double[depth];
        saturatedFraction = new double[depth];
    }

    /**
     * Runs {@code net} forward on the batch {@code x} with parameters {@code params}, then backward
     * from {@code outputGradient} (dL/d(output), batch x outputs; e.g. unit-variance noise, to see
     * how the backward pass alone changes a signal's size), and collects the statistics.
     *
     * @throws IllegalArgumentException if {@code params}, {@code x} or {@code outputGradient} do
     *                                  not fit the network (the message names the shapes)
     */
    public static LayerStats measure(Mlp net, double[] params, DMatrixRMaj x, DMatrixRMaj outputGradient) {
        net.forward(params, x);
        net.backward(outputGradient, new double[net.dimension()]);
        LayerStats s = new LayerStats(net.depth());
        for (Dense layer : net.layers()) {
            int i = layer.index() - 1;
            DMatrixRMaj a = layer.activations();
            DMatrixRMaj z = layer.preActivations();
            s.activationMean[i] = mean(a);
            s.activationVariance[i] = variance(a);
            s.signalVariance[i] = meanUnitVariance(a);
            s.preActivationVariance[i] = variance(z);
            s.gradientVariance[i] = variance(layer.preActivationGradient());
            s.saturatedFraction[i] = saturated(layer.activation(), z);
        }
        return s;
    }

    /** Number of layers. */
    public int depth() {
        return activationMean.length;
    }

    /** Mean of each layer's activations {@code a = f(z)}. */
    public double[] activationMean() {
        return activationMean.clone();
    }

    /** Variance of each layer's activations {@code a = f(z)}: the size of the forward signal. */
    public double[] activationVariance() {
        return activationVariance.clone();
    }

    /**
     * Each layer's across-example variance per unit, averaged over the units: for unit {@code j},
     * the variance of {@code a[., j]} over the batch; then the mean over {@code j}. This is the
     * size of the part of the signal that depends on the input: 0 when every example gives the
     * same activations, however different the units are from each other.
     */
    public double[] signalVariance() {
        return signalVariance.clone();
    }

    /** Variance of each layer's pre-activations {@code z = x W + b}. */
    public double[] preActivationVariance() {
        return preActivationVariance.clone();
    }

    /**
     * Variance of each layer's gradient {@code dL/dz} (the signal the backward pass carries; the
     * layer's weight gradient is {@code input^T dL/dz}): the size of the backward signal.
     */
    public double[] gradientVariance() {
        return gradientVariance.clone();
    }

    /**
     * Fraction of each layer's units (over the batch) that pass on almost no gradient: slope
     * {@code f'(z)} below {@link #SATURATION_SLOPE} times the activation's largest slope. That is
     * {@code |z| > 2.18} for tanh, {@code |z| > 4.34} for sigmoid, and {@code z <= 0} (an inactive
     * unit) for ReLU; never for identity; NaN for softmax, which has no slope per unit.
     */
    public double[] saturatedFraction() {
        return saturatedFraction.clone();
    }

    private static double mean(DMatrixRMaj m) {
        int n = m.getNumElements();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += m.data[i];
        }
        return s / n;
    }

    /** Population variance of all entries, with the mean subtracted first (no cancellation). */
    private static double variance(DMatrixRMaj m) {
        int n = m.getNumElements();
        double mu = mean(m);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = m.data[i] - mu;
            s += d * d;
        }
        return s / n;
    }

    /** Population variance of each column (over the rows), averaged over the columns. */
    private static double meanUnitVariance(DMatrixRMaj m) {
        int rows = m.numRows;
        int cols = m.numCols;
        double total = 0;
        for (int j = 0; j < cols; j++) {
            double mu = 0;
            for (int i = 0; i < rows; i++) {
                mu += m.data[i * cols + j];
            }
            mu /= rows;
            double s = 0;
            for (int i = 0; i < rows; i++) {
                double d = m.data[i * cols + j] - mu;
                s += d * d;
            }
            total += s / rows;
        }
        return total / cols;
    }

    private static double saturated(Activation f, DMatrixRMaj z) {
        double largest = switch (f) {
            case IDENTITY, RELU, TANH -> 1;
            case SIGMOID -> 0.25;
            case SOFTMAX -> Double.NaN;
        };
        if (Double.isNaN(largest)) {
            return Double.NaN;
        }
        int n = z.getNumElements();
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (f.derivative(z.data[i]) < SATURATION_SLOPE * largest) {
                count++;
            }
        }
        return (double) count / n;
    }
}
