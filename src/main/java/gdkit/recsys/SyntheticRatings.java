package gdkit.recsys;

import java.util.Locale;
import java.util.Random;

import gdkit.util.Args;
import gdkit.util.Seeds;

/**
 * Seeded synthetic ratings with a known low-rank structure, the default data set of the
 * recommender notebook. The rating of user u for item i is
 *
 * <pre>
 *   r_ui = round(center + b_u + c_i + p_u . q_i + noise),  clamped to [min, max]
 * </pre>
 *
 * where {@code center} is the middle of the scale, the biases {@code b_u}, {@code c_i} are normal
 * with standard deviation {@code (max - min) / 10}, the factors {@code p_u}, {@code q_i} have
 * {@code rank} normal entries scaled so that {@code p_u . q_i} has standard deviation
 * {@code (max - min) / 5}, the noise is normal with standard deviation {@code noise}, and rounding
 * is to the nearest multiple of {@code step} above {@code min} (0.5: half stars, as in MovieLens).
 * Each user-item pair is observed with probability {@code density}; every user and every item gets
 * at least one rating. User and item ids are {@code 1..users} and {@code 1..items}.
 *
 * <pre>{@code
 * Ratings r = SyntheticRatings.builder().users(300).items(200).rank(3).seed(7).generate();
 * }</pre>
 *
 * The defaults of {@link #builder()} give the data set shipped as {@code data/ratings-synthetic.csv}
 * (written by {@link WriteSyntheticRatings}).
 */
public final class SyntheticRatings {
    private int users = 300;
    private int items = 200;
    private int rank = 3;
    private double density = 0.1;
    private double noise = 0.3;
    private double min = 1;
    private double max = 5;
    private double step = 0.5;
    private long seed = 2013;
    private double popularity = 0;

    private SyntheticRatings() {
    }

    /** A generator with the defaults of the shipped data set (300 users, 200 items, rank 3, ...). */
    public static SyntheticRatings builder() {
        return new SyntheticRatings();
    }

    /** Number of users (default 300). */
    public SyntheticRatings users(int users) {
        this.users = Args.atLeast("users", users, 1);
        return this;
    }

    /** Number of items (default 200). */
    public SyntheticRatings items(int items) {
        this.items = Args.atLeast("items", items, 1);
        return this;
    }

    /** Rank of the user-item interaction {@code p_u . q_i} (default 3). */
    public SyntheticRatings rank(int rank) {
        this.rank = Args.atLeast("rank", rank, 1);
        return this;
    }

    /** Probability that a user-item pair is rated, in (0, 1] (default 0.1). */
    public SyntheticRatings density(double density) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        }
        this.density = density;
        return this;
    }

    /** Standard deviation of the rating noise, {@code >= 0} (default 0.3). */
    public SyntheticRatings noise(double noise) {
        this.noise = Args.nonNegative("noise", noise);
        return this;
    }

    /** The rating scale (default [1, 5]). */
    public SyntheticRatings scale(double min, double max) {
        Ratings.requireScale(min, max);
        this.min = min;
        this.max = max;
        return this;
    }

    /** Ratings are rounded to multiples of {@code step} above {@code min}; 0 keeps them continuous (default 0.5). */
    public SyntheticRatings step(double step) {
        this.step = Args.nonNegative("step", step);
        return this;
    }

    /**
     * Skews how often items are rated, as in real catalogues where a few items get most ratings:
     * item {@code i} (0-based) is rated with probability {@code min(1, density * w_i)}, where
     * {@code w_i} is proportional to {@code (i + 1)^-exponent} with mean 1 over the items. The
     * default 0 rates every item with probability {@code density}; 1 is a Zipf-like long tail.
     *
     * @param exponent {@code >= 0}
     */
    public SyntheticRatings popularity(double exponent) {
        this.popularity = Args.nonNegative("popularity", exponent);
        return this;
    }

    /** Seed of the generator (default 2013). */
    public SyntheticRatings seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Generates the ratings; the same settings always give the same ratings. */
    public Ratings generate() {
        if (step >= max - min) {
            throw new IllegalArgumentException("step must be smaller than the scale width " + (max - min) + ", got " + step);
        }
        Random rng = Seeds.random(seed);
        double width = max - min;
        double center = (min + max) / 2;
        double factorStd = Math.sqrt(width / 5 / Math.sqrt(rank));
        double[] p = normal(rng, users * rank, factorStd);
        double[] q = normal(rng, items * rank, factorStd);
        double[] userBias = normal(rng, users, width / 10);
        double[] itemBias = normal(rng, items, width / 10);

        double[] itemDensity = new double[items];
        double weightSum = 0;
        for (int i = 0; i < items; i++) {
            itemDensity[i] = Math.pow(i + 1, -popularity);
            weightSum += itemDensity[i];
        }
        for (int i = 0; i < items; i++) {
            itemDensity[i] = popularity == 0 ? density : Math.min(1, density * itemDensity[i] * items / weightSum);
        }
        boolean[] observed = new boolean[users * items];
        int[] perUser = new int[users];
        int[] perItem = new int[items];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (rng.nextDouble() < itemDensity[i]) {
                    observed[u * items + i] = true;
                    perUser[u]++;
                    perItem[i]++;
                    n++;
                }
            }
        }
        for (int u = 0; u < users; u++) {
            if (perUser[u] == 0) {
                int i = rng.nextInt(items);
                observed[u * items + i] = true;
                perUser[u]++;
                perItem[i]++;
                n++;
            }
        }
        for (int i = 0; i < items; i++) {
            if (perItem[i] == 0) {
                int u = rng.nextInt(users);
                observed[u * items + i] = true;
                perUser[u]++;
                perItem[i]++;
                n++;
            }
        }

        int[] user = new int[n];
        int[] item = new int[n];
        double[] rating = new double[n];
        int k = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (!observed[u * items + i]) {
                    continue;
                }
                double r = center + userBias[u] + itemBias[i] + noise * rng.nextGaussian();
                for (int f = 0; f < rank; f++) {
                    r += p[u * rank + f] * q[i * rank + f];
                }
                if (step > 0) {
                    r = min + step * Math.rint((r - min) / step);
                }
                user[k] = u;
                item[k] = i;
                rating[k] = Math.max(min, Math.min(max, r));
                k++;
            }
        }
        return new Ratings(user, item, rating, ids(users), ids(items), min, max);
    }

    private static double[] normal(Random rng, int n, double std) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = std * rng.nextGaussian();
        }
        return v;
    }

    private static long[] ids(int n) {
        long[] ids = new long[n];
        for (int j = 0; j < n; j++) {
            ids[j] = j + 1;
        }
        return ids;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticRatings(users=%d, items=%d, rank=%d, density=%.3g, noise=%.3g, "
                + "scale=%s, step=%s, seed=%d%s)", users, items, rank, density, noise, Ratings.scale(min, max),
                Ratings.num(step), seed, popularity == 0 ? "" : String.format(Locale.ROOT, ", popularity=%.3g", popularity));
    }
}
