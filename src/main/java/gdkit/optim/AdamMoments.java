package gdkit.optim;

import java.util.Arrays;

import gdkit.util.Args;

/** The first and second moment estimates and the bias-corrected step shared by Adam and AdamW. */
final class AdamMoments {
    final double beta1;
    final double beta2;
    final double epsilon;
    private double[] m;
    private double[] v;

    AdamMoments(double beta1, double beta2, double epsilon) {
        this.beta1 = Args.halfOpenUnit("beta1", beta1);
        this.beta2 = Args.halfOpenUnit("beta2", beta2);
        this.epsilon = Args.positive("epsilon", epsilon);
    }

    void allocate(int n) {
        m = new double[n];
        v = new double[n];
    }

    void clear() {
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
    }

    /** Update number {@code t} (1-based): moments, bias correction, and the step. */
    void step(double[] params, double[] gradient, double rate, int t) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            params[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    /** {@code rate / (sqrt(vhat) + eps)} after {@code t} updates; {@code rate / eps} if none. */
    void effectiveStep(double[] out, double rate, int t) {
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < out.length; i++) {
            out[i] = rate / ((t > 0 ? Math.sqrt(v[i] / c2) : 0) + epsilon);
        }
    }
}
