package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;

import gdkit.model.ParameterBlocks;
import gdkit.optim.AdaGrad;
import gdkit.optim.Adam;
import gdkit.optim.AdamW;
import gdkit.optim.ClipByGlobalNorm;
import gdkit.optim.ClipByNorm;
import gdkit.optim.ClipByValue;
import gdkit.optim.GradientDescent;
import gdkit.optim.Momentum;
import gdkit.optim.Nesterov;
import gdkit.optim.Optimizer;
import gdkit.optim.RMSProp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests of the optimizers and clippers: finite input never makes them throw (a huge step
 * may overflow to infinity: that is divergence, a result), and clipping keeps its promises.
 */
class OptimizerProperties {
    static final List<DoubleFunction<Optimizer>> OPTIMIZERS = List.of(
            GradientDescent::new, lr -> new Momentum(lr, 0.9), lr -> new Nesterov(lr, 0.9), AdaGrad::new,
            RMSProp::new, Adam::new, lr -> new AdamW(lr, 0.01));

    /** A positive number spread evenly over the decades 10^lo .. 10^hi. */
    private static Arbitrary<Double> logUniform(int lo, int hi) {
        return Combinators.combine(Arbitraries.doubles().between(1, 10), Arbitraries.integers().between(lo, hi - 1))
                .as((m, e) -> m * Math.pow(10, e));
    }

    @Provide
    Arbitrary<Double> rates() {
        return logUniform(-12, 12);
    }

    @Provide
    Arbitrary<Double> thresholds() {
        return logUniform(-300, 300);
    }

    @Provide
    Arbitrary<Double> moderateThresholds() {
        return logUniform(-6, 6);
    }

    /** Any finite double, edge cases (0, -0, MIN_VALUE, MAX_VALUE) included. */
    @Provide
    Arbitrary<double[]> vectors() {
        return Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE)
                .array(double[].class).ofMinSize(1).ofMaxSize(8);
    }

    /** Gradients whose Euclidean norm is itself a finite double. */
    @Provide
    Arbitrary<double[]> gradients() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.doubles().between(-1e150, 1e150),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, 1e-300)).array(double[].class).ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void optimizersNeverThrowOnFiniteInput(@ForAll("vectors") double[] params, @ForAll("vectors") double[] gradient,
            @ForAll("rates") double lr, @ForAll @IntRange(min = 0, max = 6) int which) {
        double[] g = java.util.Arrays.copyOf(gradient, params.length);
        Optimizer opt = OPTIMIZERS.get(which).apply(lr);
        double[] p = params.clone();
        for (int step = 0; step < 3; step++) {
            opt.step(p, g);
        }
        assertEquals(params.length, p.length);
    }

    @Property(tries = 300)
    void clippersNeverThrowOnFiniteInput(@ForAll("vectors") double[] gradient,
            @ForAll("thresholds") double c) {
        ParameterBlocks blocks = ParameterBlocks.single("all", gradient.length);
        new ClipByGlobalNorm(c).apply(gradient.clone(), blocks);
        new ClipByNorm(c).apply(gradient.clone(), blocks);
        new ClipByValue(c).apply(gradient.clone(), blocks);
    }

    private static double norm(double[] v) {
        double scale = 0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double x : v) {
            s += (x / scale) * (x / scale);
        }
        return scale * Math.sqrt(s);
    }

    /** The norm after clipping is at most c, and the result is a non-negative multiple of the input. */
    @Property(tries = 500)
    void normClippingCapsTheNormAndKeepsTheDirection(@ForAll("gradients") double[] gradient,
            @ForAll("moderateThresholds") double c, @ForAll boolean global,
            @ForAll @IntRange(min = 1, max = 3) int blockCount) {
        int d = gradient.length;
        ParameterBlocks.Builder b = ParameterBlocks.builder();
        int[] cuts = new int[blockCount + 1];
        for (int k = 1; k <= blockCount; k++) {
            cuts[k] = global ? d : Math.min(d, k * (d + blockCount - 1) / blockCount);
        }
        cuts[blockCount] = d;
        for (int k = 0; k < blockCount; k++) {
            b.add("b" + k, cuts[k + 1] - cuts[k]);
        }
        ParameterBlocks blocks = b.build();
        double[] g = gradient.clone();
        (global ? new ClipByGlobalNorm(c) : new ClipByNorm(c)).apply(g, blocks);
        for (int k = 0; k < blockCount; k++) {
            double[] before = java.util.Arrays.copyOfRange(gradient, cuts[k], cuts[k + 1]);
            double[] after = java.util.Arrays.copyOfRange(g, cuts[k], cuts[k + 1]);
            if (global) {
                before = gradient;
                after = g;
            }
            double nb = norm(before);
            double na = norm(after);
            assertTrue(na <= c * (1 + 1e-12) || na <= nb, "norm after " + na + " > c = " + c);
            assertTrue(na <= nb * (1 + 1e-12), "clipping grew the norm: " + nb + " -> " + na);
            double scale = nb == 0 ? 1 : na / nb;
            for (int i = 0; i < before.length; i++) {
                assertTrue(Math.signum(after[i]) == Math.signum(before[i]) || after[i] == 0,
                        "entry " + i + " changed sign: " + before[i] + " -> " + after[i]);
                assertEquals(before[i] * scale, after[i], Math.abs(before[i] * scale) * 1e-9 + Double.MIN_NORMAL,
                        "entry " + i + " is not the common multiple " + scale + " of " + before[i]);
            }
        }
    }

    /** Value clipping bounds each entry by c, keeps its sign, and leaves entries inside [-c, c] alone. */
    @Property(tries = 500)
    void valueClippingBoundsEachEntry(@ForAll("vectors") double[] gradient,
            @ForAll("thresholds") double c) {
        double[] g = gradient.clone();
        new ClipByValue(c).apply(g, ParameterBlocks.single("all", g.length));
        for (int i = 0; i < g.length; i++) {
            assertTrue(Math.abs(g[i]) <= c, "entry " + i + " = " + g[i] + " exceeds c = " + c);
            if (Math.abs(gradient[i]) <= c) {
                assertEquals(gradient[i], g[i], "entry " + i + " inside the bound was changed");
            } else {
                assertEquals(Math.copySign(c, gradient[i]), g[i], "entry " + i + " should be clipped to +-c");
            }
        }
    }
}
