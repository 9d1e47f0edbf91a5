package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.Objective;
import gdkit.nn.Activation;
import gdkit.nn.Init;
import gdkit.nn.Loss;
import gdkit.nn.Mlp;
import gdkit.optim.AdaGrad;
import gdkit.optim.Adam;
import gdkit.optim.AdamW;
import gdkit.optim.GradientDescent;
import gdkit.optim.Momentum;
import gdkit.optim.Nesterov;
import gdkit.optim.Optimizer;
import gdkit.optim.RMSProp;
import gdkit.optim.functions.Quadratic;
import gdkit.optim.functions.Rosenbrock;
import gdkit.plot.Plots;
import gdkit.recsys.MatrixFactorization;
import gdkit.recsys.Ratings;
import gdkit.recsys.SyntheticRatings;
import gdkit.train.Health;
import gdkit.train.Run;
import gdkit.train.Trainer;

/**
 * Divergence never crashes: every optimizer on every model, forced to diverge with a huge
 * learning rate, ends with a Run that says where and why, a health verdict of DIVERGED, and a
 * loss chart that draws the finite part and marks the stop.
 */
class DivergenceTest {
    private static final double HUGE = 1e6;

    record Problem(String name, Objective objective, double[] start) {
    }

    static List<Problem> problems() {
        LinearRegression line = new LinearRegression(Synthetic.line(50, 3, 2, 0.5, 1));
        Mlp net = Mlp.builder(1).dense(8, Activation.TANH).dense(1, Activation.IDENTITY).build();
        Ratings ratings = SyntheticRatings.builder().users(30).items(20).rank(2).seed(3).generate();
        MatrixFactorization mf = MatrixFactorization.builder(ratings).rank(2).build();
        return List.of(
                new Problem("linear regression", line, new double[2]),
                new Problem("MLP", net.objective(Synthetic.line(50, 3, 2, 0.5, 1), Loss.MSE), net.initialize(Init.xavierNormal(), 1)),
                new Problem("matrix factorization", mf, mf.initialize(0.1, 1)),
                new Problem("quadratic", Quadratic.rotated2D(1, 10, 0.3), new double[] {1, 1}),
                new Problem("Rosenbrock", new Rosenbrock(), new double[] {-1.2, 1}));
    }

    static Map<String, DoubleFunction<Optimizer>> optimizers() {
        Map<String, DoubleFunction<Optimizer>> m = new LinkedHashMap<>();
        m.put("GD", GradientDescent::new);
        m.put("Momentum", lr -> new Momentum(lr, 0.9));
        m.put("Nesterov", lr -> new Nesterov(lr, 0.9));
        m.put("AdaGrad", AdaGrad::new);
        m.put("RMSProp", RMSProp::new);
        m.put("Adam", Adam::new);
        m.put("AdamW", AdamW::new);
        return m;
    }

    static Stream<Arguments> everyPair() {
        return problems().stream().flatMap(p -> optimizers().entrySet().stream()
                .map(o -> Arguments.of(p.name() + " / " + o.getKey(), p, o.getValue())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPair")
    void forcedDivergenceIsAResultAndPlots(String name, Problem problem, DoubleFunction<Optimizer> optimizer) {
        Run run = Trainer.of(problem.objective(), optimizer.apply(HUGE)).steps(200).run(problem.start());
        assertTrue(run.diverged(), name + ": " + run.message());
        int k = run.divergedAt();
        assertTrue(run.message().contains("diverged at step " + k + ": "), run.message());
        assertEquals(k + 1, run.history().steps(), "the history ends at the step that diverged");
        assertEquals(Health.Verdict.DIVERGED, Health.of(run).verdict());
        BufferedImage chart = Plots.show(Plots.lossCurves(name, Map.of(name, run)));
        assertNotNull(chart);
    }
}
