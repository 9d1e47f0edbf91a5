package gdkit.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import gdkit.optim.GradientDescent;
import gdkit.recsys.MatrixFactorization;
import gdkit.recsys.Ratings;
import gdkit.train.Run;
import gdkit.train.Trainer;

/**
 * Workload 3: one epoch of mini-batch SGD (batches of {@value #BATCH}) on matrix factorization,
 * rank 32 with biases and L2, over the unique pairs of 1,000,000 synthetic draws with the shape of MovieLens 1M
 * (6,040 users, 3,706 items), run as a user runs it: through the {@code Trainer}, which also
 * evaluates the loss on all ratings before and after the epoch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MfBench {
    static final int RATINGS = 1_000_000;
    static final int USERS = 6040;
    static final int ITEMS = 3706;
    static final int RANK = 32;
    static final double L2 = 0.02;
    static final int BATCH = 1000;
    static final double LEARNING_RATE = 5.0;

    Trainer trainer;
    double[] start;

    @Setup
    public void setUp() {
        MatrixFactorization mf = model();
        start = initialParams(mf);
        trainer = Trainer.of(mf, new GradientDescent(LEARNING_RATE)).epochs(1).batchSize(BATCH).seed(7)
                .recordParams(false);
    }

    /**
     * Users, items and ratings 1..5 from streams 31, 32 and 33, as in the NumPy twin; of the
     * {@value #RATINGS} draws, each (user, item) pair's first one is kept (one rating per pair).
     */
    static MatrixFactorization model() {
        int[] user = new int[RATINGS];
        int[] item = new int[RATINGS];
        double[] rating = new double[RATINGS];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int kept = 0;
        for (int k = 0; k < RATINGS; k++) {
            int u = pick(31, k, USERS);
            int i = pick(32, k, ITEMS);
            if (seen.add((long) u * ITEMS + i)) {
                user[kept] = u;
                item[kept] = i;
                rating[kept] = 1 + pick(33, k, 5);
                kept++;
            }
        }
        Ratings ratings = new Ratings(java.util.Arrays.copyOf(user, kept), java.util.Arrays.copyOf(item, kept),
                java.util.Arrays.copyOf(rating, kept), ids(USERS), ids(ITEMS), 1, 5);
        return MatrixFactorization.builder(ratings).rank(RANK).l2(L2).biases(true).globalMean(true).build();
    }

    /** Factors 0.1 x stream 34, biases 0. */
    static double[] initialParams(MatrixFactorization mf) {
        double[] p = new double[mf.dimension()];
        int factors = (USERS + ITEMS) * RANK;
        for (int k = 0; k < factors; k++) {
            p[k] = 0.1 * BenchData.uniform(34, k);
        }
        return p;
    }

    private static int pick(long stream, int k, int count) {
        return Math.min(count - 1, (int) Math.floor((BenchData.uniform(stream, k) + 1) * (count / 2.0)));
    }

    private static long[] ids(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    @Benchmark
    public Run epoch() {
        Run run = trainer.run(start);
        if (run.diverged()) {
            throw new IllegalStateException(run.message());
        }
        return run;
    }
}
