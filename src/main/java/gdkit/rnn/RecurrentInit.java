package gdkit.rnn;

import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

import gdkit.util.Args;
import gdkit.nn.Init;

/**
 * How to draw a recurrent network's hidden-to-hidden matrix W (hidden x hidden). Its spectral
 * radius rho(W) decides whether signals and gradients carried through many time steps grow or
 * shrink (like rho(W)^k over k steps, as long as the units stay in their linear range):
 *
 * <table>
 * <caption>Schemes for W</caption>
 * <tr><th>scheme</th><th>W</th><th>rho(W)</th></tr>
 * <tr><td>{@link #pytorchDefault()} (PyTorch's {@code nn.RNN})</td><td>uniform in +-1/sqrt(hidden)</td><td>about
 * 1/sqrt(3) = 0.58 for many units (circular law), scattered for few</td></tr>
 * <tr><td>{@link #spectralRadius(double) spectralRadius(r)}</td><td>Gaussian, rescaled</td><td>r exactly</td></tr>
 * <tr><td>{@link #identity()} (Le, Jaitly &amp; Hinton 2015, with ReLU)</td><td>I</td><td>1</td></tr>
 * <tr><td>{@link #orthogonal()} (Saxe et al. 2014)</td><td>random orthogonal</td><td>1 (every |eigenvalue| is 1)</td></tr>
 * </table>
 */
public final class RecurrentInit {
    private enum Scheme { UNIFORM, SPECTRAL_RADIUS, IDENTITY, ORTHOGONAL }

    private final Scheme scheme;
    private final double radius;

    private RecurrentInit(Scheme scheme, double radius) {
        this.scheme = scheme;
        this.radius = radius;
    }

    /** Entries uniform in [-1/sqrt(hidden), 1/sqrt(hidden)], as PyTorch's {@code nn.RNN} draws them by default. */
    public static RecurrentInit pytorchDefault() {
        return new RecurrentInit(Scheme.UNIFORM, 1);
    }

    /** Gaussian entries N(0, 1/hidden), then the whole matrix rescaled so that rho(W) = {@code radius}. */
    public static RecurrentInit spectralRadius(double radius) {
        return new RecurrentInit(Scheme.SPECTRAL_RADIUS, Args.positive("radius", radius));
    }

    /** W = I: with ReLU and zero bias a non-negative state is copied unchanged to the next step. */
    public static RecurrentInit identity() {
        return new RecurrentInit(Scheme.IDENTITY, 1);
    }

    /** A random orthogonal matrix: it preserves the length of every vector it multiplies. */
    public static RecurrentInit orthogonal() {
        return new RecurrentInit(Scheme.ORTHOGONAL, 1);
    }

    /** Fills {@code w} (hidden x hidden, row-major from {@code offset}) with a draw from {@code rng}. */
    void fill(double[] w, int offset, int hidden, SplittableRandom rng) {
        switch (scheme) {
            case UNIFORM -> {
                double limit = 1 / Math.sqrt(hidden);
                for (int i = 0; i < hidden * hidden; i++) {
                    w[offset + i] = limit * (2 * rng.nextDouble() - 1);
                }
            }
            case IDENTITY -> {
                for (int i = 0; i < hidden; i++) {
                    for (int j = 0; j < hidden; j++) {
                        w[offset + i * hidden + j] = i == j ? 1 : 0;
                    }
                }
            }
            case ORTHOGONAL -> {
                DMatrixRMaj q = new DMatrixRMaj(hidden, hidden);
                Init.orthogonal().fill(q, new Random(rng.nextLong()));
                System.arraycopy(q.data, 0, w, offset, hidden * hidden);
            }
            case SPECTRAL_RADIUS -> {
                double std = 1 / Math.sqrt(hidden);
                for (int i = 0; i < hidden * hidden; i++) {
                    w[offset + i] = std * rng.nextGaussian();
                }
                double rho = Rnn.spectralRadius(w, offset, hidden);
                for (int i = 0; i < hidden * hidden; i++) {
                    w[offset + i] *= radius / rho;
                }
            }
        }
    }

    /** The scheme's name, e.g. {@code "pytorch default"}, {@code "spectral radius 1.1"}, {@code "identity"}, {@code "orthogonal"}. */
    public String name() {
        return switch (scheme) {
            case SPECTRAL_RADIUS -> String.format(java.util.Locale.ROOT, "spectral radius %.3g", radius);
            case UNIFORM -> "pytorch default";
            case IDENTITY -> "identity";
            case ORTHOGONAL -> "orthogonal";
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
