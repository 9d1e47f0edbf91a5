package gdkit.plot;

import java.awt.Color;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's colours: each method, initialization scheme and activation has one colour in every
 * figure of every notebook. Okabe-Ito colours (safe for the common colour-vision deficiencies),
 * extended with a few of Paul Tol's where a family needs more than eight.
 *
 * <p><b>Usage in a notebook.</b> A series whose name starts with a known name gets its colour
 * automatically ({@code "Adam, η = 0.01"} is drawn in {@link #ADAM}); give a colour explicitly
 * with {@link Plots#paint}, and draw a prediction dashed in its measured curve's colour with
 * {@link Plots#addPrediction}:
 *
 * <pre>{@code
 * var chart = Plots.logLines("Distance to the minimum", "step", "‖θ − θ*‖ (log scale)");
 * XYSeries hb = Plots.paint(Plots.addLine(chart, "heavy ball", distance), Palette.MOMENTUM);
 * Plots.addPrediction(chart, "predicted ρ^t", t, predicted, hb);   // dashed, same colour
 * Plots.paint(Plots.addLine(chart, "my variant", other), Palette.of("Nesterov"));
 * }</pre>
 *
 * <p><b>Names</b> (for {@link #of}; case, spaces and hyphens do not matter):
 * <ul>
 * <li>optimizers: {@code GD} (gradient descent, full-batch), {@code SGD} (mini-batch),
 * {@code momentum} (heavy ball), {@code Nesterov}, {@code AdaGrad}, {@code RMSProp}, {@code Adam},
 * {@code AdamW}, {@code Newton} (also {@code line search});
 * <li>initializations: {@code zeros}, {@code constant}, {@code N(0, 0.01²)} (small normal),
 * {@code N(0, 1)} (unit normal), {@code Xavier}, {@code He}, {@code orthogonal};
 * <li>activations: {@code tanh}, {@code sigmoid}, {@code ReLU};
 * <li>roles: {@code clipped}, {@code unclipped}, {@code baseline} (a simple model to beat, e.g.
 * predicting the mean), {@code reference} (a theory line, the true line, the optimum).
 * </ul>
 *
 * <p>Colour maps: {@link #viridis} for magnitudes, {@link #diverging} for signed values (zero is
 * white), and {@link #NOT_FINITE} grey for NaN or infinity in every map.
 */
public final class Palette {
    // Okabe-Ito
    private static final Color BLUE = new Color(0x0072B2);
    private static final Color VERMILLION = new Color(0xD55E00);
    private static final Color GREEN = new Color(0x009E73);
    private static final Color PURPLE = new Color(0xCC79A7);
    private static final Color ORANGE = new Color(0xE69F00);
    private static final Color SKY_BLUE = new Color(0x56B4E9);
    // Paul Tol (muted), where a family needs more colours
    private static final Color WINE = new Color(0x882255);
    private static final Color ROSE = new Color(0xCC6677);
    private static final Color OLIVE = new Color(0x999933);
    private static final Color TEAL = new Color(0x44AA99);
    private static final Color INDIGO = new Color(0x332288);
    private static final Color MAGENTA = new Color(0xAA4499);

    /** Full-batch gradient descent. */
    public static final Color GD = BLUE;
    /** Stochastic (mini-batch) gradient descent: a lighter blue than GD. */
    public static final Color SGD = SKY_BLUE;
    /** Heavy-ball momentum. */
    public static final Color MOMENTUM = VERMILLION;
    /** Nesterov momentum: an orange next to momentum's vermillion. */
    public static final Color NESTEROV = ORANGE;
    /** AdaGrad. */
    public static final Color ADAGRAD = PURPLE;
    /** RMSProp. */
    public static final Color RMSPROP = GREEN;
    /** Adam. */
    public static final Color ADAM = WINE;
    /** AdamW (decoupled weight decay). */
    public static final Color ADAMW = OLIVE;
    /** Newton's method and line searches. */
    public static final Color NEWTON = INDIGO;

    /** All-zero initialization. */
    public static final Color ZEROS = ORANGE;
    /** Constant (non-zero) initialization. */
    public static final Color CONSTANT = SKY_BLUE;
    /** Small normal initialization, e.g. N(0, 0.01²). */
    public static final Color SMALL_NORMAL = BLUE;
    /** Unit normal initialization N(0, 1) (and other too-large scales). */
    public static final Color UNIT_NORMAL = VERMILLION;
    /** Xavier (Glorot) initialization, normal or uniform. */
    public static final Color XAVIER = GREEN;
    /** He (Kaiming) initialization, normal or uniform. */
    public static final Color HE = PURPLE;
    /** Orthogonal initialization. */
    public static final Color ORTHOGONAL = WINE;

    /** The tanh activation. */
    public static final Color TANH = TEAL;
    /** The logistic sigmoid activation. */
    public static final Color SIGMOID = MAGENTA;
    /** The ReLU activation. */
    public static final Color RELU = INDIGO;

    /** A run with gradient clipping. */
    public static final Color CLIPPED = GREEN;
    /** The same run without clipping. */
    public static final Color UNCLIPPED = VERMILLION;
    /** A simple model to beat, e.g. predicting the mean or a linear model. */
    public static final Color BASELINE = new Color(0x666666);
    /** A theory line, the true function, the optimum: black, usually dashed. */
    public static final Color REFERENCE = Color.BLACK;
    /** NaN or infinity, in every colour map. */
    public static final Color NOT_FINITE = new Color(0xBBBBBB);

    /** Colours for series without a known name, in the order they are added (no yellow: too light on white). */
    private static final Color[] CYCLE = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY_BLUE, WINE, TEAL, OLIVE, INDIGO,
        ROSE, Color.BLACK};

    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x482878), new Color(0x3E4A89), new Color(0x31688E), new Color(0x26828E),
        new Color(0x1F9E89), new Color(0x35B779), new Color(0x6DCD59), new Color(0xB4DE2C), new Color(0xFDE725),
    };
    /** Blue - white - red (ColorBrewer RdBu, reversed): negative values blue, positive red. */
    private static final Color[] DIVERGING = {
        new Color(0x2166AC), new Color(0x4393C3), new Color(0x92C5DE), new Color(0xD1E5F0), new Color(0xF7F7F7),
        new Color(0xFDDBC7), new Color(0xF4A582), new Color(0xD6604D), new Color(0xB2182B),
    };

    /** Names as written in series labels (lower case), longest first within a family where they share a prefix. */
    private static final Map<String, Color> NAMES = new LinkedHashMap<>();

    static {
        name(GD, "gd", "gradient descent", "full-batch gd", "full batch gd", "full-batch");
        name(SGD, "sgd", "mini-batch sgd", "mini-batch", "minibatch", "stochastic gradient descent");
        name(MOMENTUM, "momentum", "heavy ball", "heavy-ball", "polyak");
        name(NESTEROV, "nesterov", "nag");
        name(ADAGRAD, "adagrad");
        name(RMSPROP, "rmsprop");
        name(ADAM, "adam", "adam + l2", "adam + l2penalty");
        name(ADAMW, "adamw");
        name(NEWTON, "newton", "line search", "backtracking", "backtracking line search");
        name(ZEROS, "zeros", "zero");
        name(CONSTANT, "constant");
        name(SMALL_NORMAL, "n(0, 0.01²)", "n(0,0.01²)", "small normal");
        name(UNIT_NORMAL, "n(0, 1)", "n(0,1)", "unit normal");
        name(XAVIER, "xavier", "xavier normal", "xavier uniform", "glorot");
        name(HE, "he", "he normal", "he uniform", "kaiming");
        name(ORTHOGONAL, "orthogonal");
        name(TANH, "tanh");
        name(SIGMOID, "sigmoid");
        name(RELU, "relu");
        name(CLIPPED, "clipped");
        name(UNCLIPPED, "unclipped", "not clipped");
        name(BASELINE, "baseline");
        name(REFERENCE, "reference");
    }

    private Palette() {
    }

    private static void name(Color color, String... names) {
        for (String n : names) {
            NAMES.put(n, color);
        }
    }

    /**
     * The colour of a method, initialization, activation or role by name, e.g. {@code "Adam"},
     * {@code "heavy ball"}, {@code "He normal"}, {@code "ReLU"}, {@code "clipped"}.
     *
     * @throws IllegalArgumentException if the name is not one of the kit's names (listed in the message)
     */
    public static Color of(String name) {
        String key = compact(name);
        Color c = null;
        for (Map.Entry<String, Color> e : NAMES.entrySet()) {
            if (compact(e.getKey()).equals(key)) {
                c = e.getValue();
            }
        }
        if (c == null) {
            throw new IllegalArgumentException("no palette colour named '" + name + "'; known names: "
                    + String.join(", ", NAMES.keySet()));
        }
        return c;
    }

    /**
     * The colour of the longest known name that a series label starts with, as a whole word:
     * {@code "Adam, η = 0.01"} finds Adam, {@code "AdamW: distance"} finds AdamW,
     * {@code "Adamant"} finds nothing.
     */
    public static Optional<Color> find(String label) {
        String l = normalize(label);
        String best = null;
        for (String n : NAMES.keySet()) {
            if (l.startsWith(n) && (l.length() == n.length() || !Character.isLetterOrDigit(l.charAt(n.length())))
                    && (best == null || n.length() > best.length())) {
                best = n;
            }
        }
        return best == null ? Optional.empty() : Optional.of(NAMES.get(best));
    }

    /** Every known name with its colour, in the order of the list above. */
    public static Map<String, Color> names() {
        return Collections.unmodifiableMap(NAMES);
    }

    /** The i-th colour for series without a known name (cycles after twelve). */
    public static Color cycle(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** Number of distinct colours in {@link #cycle}. */
    public static int cycleLength() {
        return CYCLE.length;
    }

    /** Viridis at {@code u} in [0, 1] (clamped): dark blue = low, yellow = high; grey for NaN. */
    public static Color viridis(double u) {
        return Double.isNaN(u) ? NOT_FINITE : interpolate(VIRIDIS, u);
    }

    /**
     * A diverging map for signed values at {@code u} in [-1, 1] (clamped): -1 blue, 0 white, +1
     * red; grey for NaN. Scale by the largest magnitude so that zero stays white.
     */
    public static Color diverging(double u) {
        return Double.isNaN(u) ? NOT_FINITE : interpolate(DIVERGING, (u + 1) / 2);
    }

    /** Linear interpolation between evenly spaced colour anchors at {@code u} in [0, 1] (clamped). */
    static Color interpolate(Color[] anchors, double u) {
        double p = Math.max(0, Math.min(1, u)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(p));
        double f = p - i;
        Color c0 = anchors[i];
        Color c1 = anchors[i + 1];
        return new Color((int) Math.round(c0.getRed() + f * (c1.getRed() - c0.getRed())),
                (int) Math.round(c0.getGreen() + f * (c1.getGreen() - c0.getGreen())),
                (int) Math.round(c0.getBlue() + f * (c1.getBlue() - c0.getBlue())));
    }

    private static String compact(String name) {
        return normalize(name).replace(" ", "").replace("-", "");
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
