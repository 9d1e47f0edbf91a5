package gdkit.check;

import gdkit.model.Objective;
import gdkit.util.Args;

/**
 * Compares an analytic gradient with central finite differences,
 * {@code (f(p + h e_i) - f(p - h e_i)) / 2h}, whose error is O(h^2). The standard test that a
 * hand-written backward pass is right.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** The finite-difference gradient of {@code f} at {@code params} with step {@code h}. */
    public static double[] numerical(Objective f, double[] params, double h) {
        Args.positive("h", h);
        double[] p = params.clone();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = f.loss(p);
            p[i] = keep - h;
            double down = f.loss(p);
            p[i] = keep;
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /** The analytic gradient of {@code f} at {@code params}. */
    public static double[] analytic(Objective f, double[] params) {
        double[] g = new double[params.length];
        f.lossAndGradient(params.clone(), g);
        return g;
    }

    /**
     * The largest relative difference between the analytic and the numerical gradient,
     * {@code max_i |a_i - n_i| / max(|a_i| + |n_i|, 1e-8)}. Values below about 1e-6 mean the
     * gradient is right.
     */
    public static double maxRelativeError(Objective f, double[] params, double h) {
        double[] a = analytic(f, params);
        double[] n = numerical(f, params, h);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs(a[i] - n[i]) / Math.max(Math.abs(a[i]) + Math.abs(n[i]), 1e-8);
            worst = Math.max(worst, err);
        }
        return worst;
    }
}
