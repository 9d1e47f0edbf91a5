package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import gdkit.data.Dataset;
import gdkit.data.Synthetic;
import gdkit.model.Objective;
import gdkit.nn.Activation;
import gdkit.nn.Init;
import gdkit.nn.Loss;
import gdkit.nn.Mlp;
import gdkit.optim.Adam;
import gdkit.recsys.MatrixFactorization;
import gdkit.recsys.Ratings;
import gdkit.recsys.SyntheticRatings;
import gdkit.train.Run;
import gdkit.train.Trainer;

/**
 * Seeded randomness repeats exactly: generators, shuffles, initializers and stochastic training
 * give bit-identical results for the same seed, and different results for another seed (so the
 * seed is really used).
 */
class DeterminismTest {
    @Test
    void syntheticDataAndShuffles() {
        Dataset a = Synthetic.linear(40, new double[] {1, -2}, 0.5, new double[] {1, 10}, 0.3, 5);
        Dataset b = Synthetic.linear(40, new double[] {1, -2}, 0.5, new double[] {1, 10}, 0.3, 5);
        assertArrayEquals(a.x().data, b.x().data);
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.shuffled(3).y(), b.shuffled(3).y());
        assertFalse(Arrays.equals(a.shuffled(3).y(), a.shuffled(4).y()));
    }

    @Test
    void everyInitializerRepeatsForItsSeed() {
        for (Init init : new Init[] {Init.zeros(), Init.uniform(0.5), Init.normal(0.1), Init.xavierUniform(),
                Init.xavierNormal(), Init.heUniform(), Init.heNormal(), Init.orthogonal()}) {
            String scheme = init.name();
            assertArrayEquals(init.sample(30, 20, 11).data, init.sample(30, 20, 11).data, scheme);
            if (!scheme.equals("zeros")) {
                assertFalse(Arrays.equals(init.sample(30, 20, 11).data, init.sample(30, 20, 12).data), scheme);
            }
        }
    }

    @Test
    void syntheticRatingsAndSplits() {
        Ratings a = SyntheticRatings.builder().users(40).items(30).rank(2).seed(8).generate();
        Ratings b = SyntheticRatings.builder().users(40).items(30).rank(2).seed(8).generate();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.rating(k), b.rating(k));
            assertEquals(a.user(k), b.user(k));
        }
        assertEquals(a.split(0.2, 1).test().rating(0), b.split(0.2, 1).test().rating(0));
    }

    @Test
    void stochasticTrainingRepeatsForEveryModel() {
        Mlp net = Mlp.builder(1).dense(16, Activation.RELU).dense(1, Activation.IDENTITY).build();
        Objective mlp = net.objective(Synthetic.line(64, 3, 2, 0.5, 1), Loss.MSE);
        double[] p0 = net.initialize(Init.heNormal(), 2);
        assertArrayEquals(p0, net.initialize(Init.heNormal(), 2));
        MatrixFactorization mf = MatrixFactorization.builder(
                SyntheticRatings.builder().users(40).items(30).rank(2).seed(8).generate()).rank(2).build();
        double[] q0 = mf.initialize(0.1, 3);
        for (Object[] c : new Object[][] {{mlp, p0}, {mf, q0}}) {
            Objective f = (Objective) c[0];
            double[] start = (double[]) c[1];
            Run a = Trainer.of(f, new Adam(0.01)).epochs(3).batchSize(8).seed(21).run(start);
            Run b = Trainer.of(f, new Adam(0.01)).epochs(3).batchSize(8).seed(21).run(start);
            Run other = Trainer.of(f, new Adam(0.01)).epochs(3).batchSize(8).seed(22).run(start);
            assertArrayEquals(a.history().loss(), b.history().loss());
            assertArrayEquals(a.params(), b.params());
            assertFalse(Arrays.equals(a.history().loss(), other.history().loss()));
        }
    }
}
