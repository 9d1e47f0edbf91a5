package gdkit.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import gdkit.util.Args;
import gdkit.util.Seeds;

/**
 * How to draw a layer's initial weights. A weight matrix is fan-in x fan-out (inputs x units),
 * and the schemes scale the draw by these numbers:
 *
 * <table>
 * <caption>Schemes and the variance of each weight</caption>
 * <tr><th>scheme</th><th>distribution</th><th>variance</th></tr>
 * <tr><td>{@link #zeros()}, {@link #constant(double) constant(c)}</td><td>every weight c</td><td>0</td></tr>
 * <tr><td>{@link #uniform(double) uniform(s)}</td><td>U(-s, s)</td><td>s^2 / 3</td></tr>
 * <tr><td>{@link #normal(double) normal(s)}</td><td>N(0, s^2)</td><td>s^2</td></tr>
 * <tr><td>{@link #xavierUniform()} (Glorot &amp; Bengio 2010)</td><td>U(-a, a), a = sqrt(6 / (in + out))</td><td>2 / (in + out)</td></tr>
 * <tr><td>{@link #xavierNormal()}</td><td>N(0, 2 / (in + out))</td><td>2 / (in + out)</td></tr>
 * <tr><td>{@link #heUniform()} (He et al. 2015)</td><td>U(-a, a), a = sqrt(6 / in)</td><td>2 / in</td></tr>
 * <tr><td>{@link #heNormal()}</td><td>N(0, 2 / in)</td><td>2 / in</td></tr>
 * <tr><td>{@link #orthogonal(double) orthogonal(g)} (Saxe et al. 2014)</td><td>g times a random matrix with
 * orthonormal columns (or rows), from the QR decomposition of a Gaussian matrix</td><td>g^2 / max(in, out)</td></tr>
 * </table>
 *
 * <p>Draws come from a {@link Random} the caller seeds, so the same seed gives the same weights.
 */
public final class Init {
    private enum Scheme {
        ZEROS("zeros"), CONSTANT("constant"), UNIFORM("uniform"), NORMAL("normal"),
        XAVIER_UNIFORM("xavier_uniform"), XAVIER_NORMAL("xavier_normal"),
        HE_UNIFORM("he_uniform"), HE_NORMAL("he_normal"), ORTHOGONAL("orthogonal");

        final String id;

        Scheme(String id) {
            this.id = id;
        }
    }

    /** Names {@link #of} accepts, with their aliases. */
    private static final String NAMES = "zeros, xavier_uniform (glorot_uniform), xavier_normal (glorot_normal), "
            + "he_uniform (kaiming_uniform), he_normal (kaiming_normal), orthogonal";

    private final Scheme scheme;
    private final double scale;

    private Init(Scheme scheme, double scale) {
        this.scheme = scheme;
        this.scale = scale;
    }

    /** All weights 0: every unit of a layer computes the same thing, forever. */
    public static Init zeros() {
        return new Init(Scheme.ZEROS, 0);
    }

    /** All weights {@code value}. */
    public static Init constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number, got " + value);
        }
        return new Init(Scheme.CONSTANT, value);
    }

    /** Uniform on {@code [-limit, limit]}, whatever the layer's size. */
    public static Init uniform(double limit) {
        return new Init(Scheme.UNIFORM, Args.positive("limit", limit));
    }

    /** Normal with mean 0 and standard deviation {@code std}, whatever the layer's size. */
    public static Init normal(double std) {
        return new Init(Scheme.NORMAL, Args.positive("std", std));
    }

    /** Xavier/Glorot uniform: variance {@code 2 / (fanIn + fanOut)}, suited to tanh. */
    public static Init xavierUniform() {
        return new Init(Scheme.XAVIER_UNIFORM, 1);
    }

    /** Xavier/Glorot normal: variance {@code 2 / (fanIn + fanOut)}. */
    public static Init xavierNormal() {
        return new Init(Scheme.XAVIER_NORMAL, 1);
    }

    /** He/Kaiming uniform (fan-in mode): variance {@code 2 / fanIn}, suited to ReLU. */
    public static Init heUniform() {
        return new Init(Scheme.HE_UNIFORM, 1);
    }

    /** He/Kaiming normal (fan-in mode): variance {@code 2 / fanIn}. */
    public static Init heNormal() {
        return new Init(Scheme.HE_NORMAL, 1);
    }

    /** A random matrix with orthonormal columns (or rows, if it is wider than tall), gain 1. */
    public static Init orthogonal() {
        return orthogonal(1);
    }

    /** {@code gain} times a random matrix with orthonormal columns (or rows, if wider than tall). */
    public static Init orthogonal(double gain) {
        return new Init(Scheme.ORTHOGONAL, Args.positive("gain", gain));
    }

    /**
     * The scheme called {@code name} (case-insensitive): zeros, xavier_uniform, xavier_normal,
     * he_uniform, he_normal, orthogonal, or the aliases glorot_* and kaiming_*. Schemes with a
     * parameter (constant, uniform, normal) are made with their factory methods.
     *
     * @throws IllegalArgumentException naming the unknown name and the allowed ones
     */
    public static Init of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT)
                .replace("glorot", "xavier").replace("kaiming", "he");
        return switch (key) {
            case "zeros" -> zeros();
            case "xavier_uniform" -> xavierUniform();
            case "xavier_normal" -> xavierNormal();
            case "he_uniform" -> heUniform();
            case "he_normal" -> heNormal();
            case "orthogonal" -> orthogonal();
            case "constant", "uniform", "normal" -> throw new IllegalArgumentException("init '" + name
                    + "' needs a scale: use Init." + key + "(...)");
            default -> throw new IllegalArgumentException("unknown init '" + name + "'; allowed: " + NAMES);
        };
    }

    /** The variance of each weight of a fanIn x fanOut matrix under this scheme (see the table above). */
    public double variance(int fanIn, int fanOut) {
        Args.atLeast("fanIn", fanIn, 1);
        Args.atLeast("fanOut", fanOut, 1);
        return switch (scheme) {
            case ZEROS, CONSTANT -> 0;
            case UNIFORM -> scale * scale / 3;
            case NORMAL -> scale * scale;
            case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / (fanIn + fanOut);
            case HE_UNIFORM, HE_NORMAL -> 2.0 / fanIn;
            case ORTHOGONAL -> scale * scale / Math.max(fanIn, fanOut);
        };
    }

    /**
     * Fills {@code w}, a fan-in x fan-out matrix (a layer's inputs x units), with draws from
     * {@code rng}.
     */
    public void fill(DMatrixRMaj w, Random rng) {
        int fanIn = w.numRows;
        int fanOut = w.numCols;
        double[] d = w.data;
        int n = fanIn * fanOut;
        switch (scheme) {
            case ZEROS, CONSTANT -> Arrays.fill(d, 0, n, scale);
            case UNIFORM -> uniform(d, n, scale, rng);
            case NORMAL -> normal(d, n, scale, rng);
            case XAVIER_UNIFORM, HE_UNIFORM -> uniform(d, n, Math.sqrt(3 * variance(fanIn, fanOut)), rng);
            case XAVIER_NORMAL, HE_NORMAL -> normal(d, n, Math.sqrt(variance(fanIn, fanOut)), rng);
            case ORTHOGONAL -> orthogonal(w, rng);
        }
    }

    /** A new fanIn x fanOut matrix drawn with a generator seeded with {@code seed}. */
    public DMatrixRMaj sample(int fanIn, int fanOut, long seed) {
        Args.atLeast("fanIn", fanIn, 1);
        Args.atLeast("fanOut", fanOut, 1);
        DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
        fill(w, Seeds.random(seed));
        return w;
    }

    private static void uniform(double[] d, int n, double limit, Random rng) {
        for (int i = 0; i < n; i++) {
            d[i] = limit * (2 * rng.nextDouble() - 1);
        }
    }

    private static void normal(double[] d, int n, double std, Random rng) {
        for (int i = 0; i < n; i++) {
            d[i] = std * rng.nextGaussian();
        }
    }

    /**
     * QR-decomposes a tall Gaussian matrix G = QR and keeps Q, with each column's sign fixed by
     * the sign of R's diagonal so that Q is uniformly distributed (not biased by the algorithm).
     */
    private void orthogonal(DMatrixRMaj w, Random rng) {
        int rows = Math.max(w.numRows, w.numCols);
        int cols = Math.min(w.numRows, w.numCols);
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        normal(g.data, rows * cols, 1, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(g.copy())) {
            throw new IllegalStateException("QR decomposition failed for a " + rows + "x" + cols + " Gaussian matrix");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < cols; j++) {
            double sign = r.unsafe_get(j, j) < 0 ? -1 : 1;
            for (int i = 0; i < rows; i++) {
                double v = scale * sign * q.unsafe_get(i, j);
                if (w.numRows >= w.numCols) {
                    w.unsafe_set(i, j, v);
                } else {
                    w.unsafe_set(j, i, v);
                }
            }
        }
    }

    /** The scheme's name, e.g. {@code "he_normal"} or {@code "normal(std=0.5)"}. */
    public String name() {
        return switch (scheme) {
            case CONSTANT -> String.format(Locale.ROOT, "constant(%.3g)", scale);
            case UNIFORM -> String.format(Locale.ROOT, "uniform(limit=%.3g)", scale);
            case NORMAL -> String.format(Locale.ROOT, "normal(std=%.3g)", scale);
            case ORTHOGONAL -> scale == 1 ? "orthogonal" : String.format(Locale.ROOT, "orthogonal(gain=%.3g)", scale);
            default -> scheme.id;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
