package gdkit.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gdkit.check.GradientCheck;
import gdkit.optim.ClipByGlobalNorm;
import gdkit.optim.GradientDescent;
import gdkit.train.Run;
import gdkit.train.Trainer;

class MatrixFactorizationTest {
    private final Ratings small = SyntheticRatings.builder().users(12).items(9).rank(2).density(0.4).seed(3).generate();

    @Test
    void gradientMatchesFiniteDifferencesWithAndWithoutBiases() {
        for (boolean biases : new boolean[] {true, false}) {
            for (boolean mean : new boolean[] {true, false}) {
                MatrixFactorization mf = MatrixFactorization.builder(small).rank(3).l2(0.07).biases(biases)
                        .globalMean(mean).build();
                double[] p = mf.initialize(0.8, 5);
                for (int j = 0; j < p.length; j++) {
                    p[j] += 0.01 * j % 0.3; // biases away from 0 too
                }
                double err = GradientCheck.maxRelativeError(mf, p, 1e-5);
                assertTrue(err < 1e-6, "biases=" + biases + " mean=" + mean + ": relative error " + err);
            }
        }
    }

    @Test
    void miniBatchGradientIsTheGradientOfTheBatchMean() {
        MatrixFactorization mf = MatrixFactorization.builder(small).rank(2).l2(0.1).build();
        double[] p = mf.initialize(0.5, 1);
        int[] order = {5, 0, 17, 3, 30, 11};
        double[] g = new double[mf.dimension()];
        double loss = mf.batchLossAndGradient(p, order, 1, 5, g);
        // the same 4 ratings as a data set of their own
        int[] rows = {0, 17, 3, 30};
        int[] uu = new int[4];
        int[] ii = new int[4];
        double[] rr = new double[4];
        long[] userIds = new long[small.users()];
        long[] itemIds = new long[small.items()];
        for (int k = 0; k < userIds.length; k++) {
            userIds[k] = small.userId(k);
        }
        for (int k = 0; k < itemIds.length; k++) {
            itemIds[k] = small.itemId(k);
        }
        for (int k = 0; k < 4; k++) {
            uu[k] = small.user(rows[k]);
            ii[k] = small.item(rows[k]);
            rr[k] = small.rating(rows[k]);
        }
        Ratings batch = new Ratings(uu, ii, rr, userIds, itemIds, small.min(), small.max());
        // same global mean as the full model, so the losses agree
        MatrixFactorization batchModel = MatrixFactorization.builder(batch).rank(2).l2(0.1).globalMean(false).build();
        MatrixFactorization fullNoMean = MatrixFactorization.builder(small).rank(2).l2(0.1).globalMean(false).build();
        double[] g2 = new double[mf.dimension()];
        double loss2 = fullNoMean.batchLossAndGradient(p, order, 1, 5, g2);
        assertEquals(batchModel.loss(p), loss2, 1e-12);
        assertArrayEquals(GradientCheck.numerical(batchModel, p, 1e-6), g2, 1e-7);
        assertTrue(loss > 0);
    }

    @Test
    void predictionAndRmseFollowTheFormula() {
        MatrixFactorization mf = MatrixFactorization.builder(small).rank(2).build();
        double[] p = mf.initialize(0.5, 9);
        int users = small.users();
        int items = small.items();
        p[2 * users + 2 * items + 4] = 0.25; // user 4's bias
        p[2 * users + 2 * items + users + 7] = -0.5; // item 7's bias
        double expected = mf.globalMean() + 0.25 - 0.5 + p[8] * p[2 * users + 14] + p[9] * p[2 * users + 15];
        assertEquals(expected, mf.predict(p, 4, 7), 1e-12);
        double s = 0;
        for (int k = 0; k < small.size(); k++) {
            double e = mf.predict(p, small.user(k), small.item(k)) - small.rating(k);
            s += e * e;
        }
        assertEquals(Math.sqrt(s / small.size()), mf.rmse(p, small), 1e-12);
        assertEquals(mf.rmse(p, small) * mf.rmse(p, small), mf.loss(p), 1e-12); // no penalty: loss = MSE
    }

    @Test
    void blocksNameTheFactorsAndBiases() {
        MatrixFactorization mf = MatrixFactorization.builder(small).rank(4).build();
        assertEquals(List.of("P", "Q", "userBias", "itemBias"), mf.blocks().names());
        assertEquals((12 + 9) * 4 + 12 + 9, mf.dimension());
        MatrixFactorization plain = MatrixFactorization.builder(small).rank(4).biases(false).build();
        assertEquals(List.of("P", "Q"), plain.blocks().names());
        assertEquals((12 + 9) * 4, plain.dimension());
    }

    @Test
    void sgdLearnsTheLowRankStructureAndBeatsTheMeanOnHeldOutRatings() {
        Ratings all = SyntheticRatings.builder().users(120).items(80).rank(2).density(0.25).noise(0.2).step(0).seed(4).generate();
        Ratings.Split split = all.split(0.2, 1);
        MatrixFactorization mf = MatrixFactorization.builder(split.train()).rank(2).l2(0.01).build();
        double[] start = mf.initialize(0.1, 2);
        Run run = Trainer.of(mf, new GradientDescent(2)).epochs(30).batchSize(32).seed(3).run(start);
        assertFalse(run.diverged(), run.message());
        double test = mf.rmse(run.params(), split.test());
        double baseline = mf.rmse(start, split.test()); // about the spread of the ratings
        assertTrue(test < 0.5 * baseline, "test RMSE " + test + " vs baseline " + baseline);
        assertTrue(test < 0.45, "test RMSE " + test);
    }

    @Test
    void bigInitialFactorsExplodeAndGlobalNormClippingKeepsTheRunFinite() {
        Ratings.Split split = SyntheticRatings.builder().users(60).items(40).density(0.3).seed(8).generate().split(0.2, 1);
        MatrixFactorization mf = MatrixFactorization.builder(split.train()).rank(5).build();
        double[] start = mf.initialize(3.0, 2);
        Run plain = Trainer.of(mf, new GradientDescent(2)).epochs(5).batchSize(32).seed(1).run(start);
        assertTrue(plain.diverged(), plain.message());
        Run clipped = Trainer.of(mf, new GradientDescent(2)).epochs(5).batchSize(32).seed(1)
                .transform(new ClipByGlobalNorm(1.0)).run(start);
        assertFalse(clipped.diverged(), clipped.message());
        assertTrue(clipped.finalLoss() < mf.loss(start));
    }

    @Test
    void badArgumentsAreRejected() {
        MatrixFactorization mf = MatrixFactorization.builder(small).rank(2).build();
        assertThrows(IllegalArgumentException.class, () -> MatrixFactorization.builder(small).rank(0));
        assertThrows(IllegalArgumentException.class, () -> MatrixFactorization.builder(small).l2(-1));
        var e = assertThrows(IllegalArgumentException.class, () -> mf.loss(new double[3]));
        assertTrue(e.getMessage().startsWith("params has length 3 but this model has " + mf.dimension()), e.getMessage());
        Ratings other = SyntheticRatings.builder().users(5).items(5).generate();
        var e2 = assertThrows(IllegalArgumentException.class, () -> mf.rmse(mf.initialize(0.1, 1), other));
        assertTrue(e2.getMessage().contains("has 5 users and 5 items, expected 12 and 9"), e2.getMessage());
    }
}
