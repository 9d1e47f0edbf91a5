package gdkit.bench;

import java.util.Locale;

import gdkit.model.LinearRegression;
import gdkit.nn.MlpObjective;
import gdkit.optim.GradientDescent;
import gdkit.recsys.MatrixFactorization;

/**
 * Prints, as JSON, a few result values of each workload computed once with gdkit on the benchmark
 * data; the runner compares them with the NumPy twin's, so both sides are known to compute the same
 * thing. Usage: {@code java -cp benchmarks.jar gdkit.bench.Reference}.
 */
public final class Reference {
    private Reference() {
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        int d = 32;
        LinearRegression model = new LinearRegression(GradientBench.dataset(n, d));
        double[] g = new double[d + 1];
        double loss = model.lossAndGradient(BenchData.uniform(3, d + 1, 1.0), g);
        System.out.println("{");
        System.out.printf(Locale.ROOT, "  \"gradient_check\": {\"loss\": %.17g, \"g0\": %.17g, \"gd\": %.17g, \"gnorm\": %.17g},%n",
                loss, g[0], g[d], norm(g));
        MlpObjective mlp = MlpBench.objective();
        double[] p = MlpBench.initialParams(mlp.network());
        double[] gm = new double[p.length];
        int[] order = new int[MlpBench.EXAMPLES];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double mlpLoss = mlp.batchLossAndGradient(p, order, 0, MlpBench.BATCH, gm);
        new GradientDescent(MlpBench.LEARNING_RATE).step(p, gm);
        System.out.printf(Locale.ROOT, "  \"mlp_check\": {\"loss\": %.17g, \"gnorm\": %.17g, \"pnorm\": %.17g},%n",
                mlpLoss, norm(gm), norm(p));
        MatrixFactorization mf = MfBench.model();
        double[] q = MfBench.initialParams(mf);
        double[] gq = new double[q.length];
        double mfLoss = mf.lossAndGradient(q, gq);
        System.out.printf(Locale.ROOT, "  \"mf_check\": {\"loss\": %.17g, \"gnorm\": %.17g}%n", mfLoss, norm(gq));
        System.out.println("}");
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
