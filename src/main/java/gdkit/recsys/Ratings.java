package gdkit.recsys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import gdkit.data.DataException;
import gdkit.util.Seeds;
import gdkit.util.Vec;

/**
 * Observed ratings: triples (user, item, rating) on a declared rating scale {@code [min, max]}.
 * Users and items are dense indices {@code 0..users()-1} and {@code 0..items()-1}; the ids they had
 * in the file are kept ({@link #userId}, {@link #itemId}). Immutable: {@link #split} returns new
 * sets that share the same users and items.
 */
public final class Ratings {
    private final int[] user;
    private final int[] item;
    private final double[] rating;
    private final long[] userIds;
    private final long[] itemIds;
    private final double min;
    private final double max;

    /**
     * @param user    dense user index of each rating, in {@code [0, userIds.length)}
     * @param item    dense item index of each rating, in {@code [0, itemIds.length)}
     * @param rating  the ratings, finite and inside {@code [min, max]}
     * @param userIds the id of each dense user index (e.g. the id in the file)
     * @param itemIds the id of each dense item index
     * @throws DataException if the arrays disagree, are empty, a value is out of range, an id
     *                       appears twice, or a user rates an item twice
     */
    public Ratings(int[] user, int[] item, double[] rating, long[] userIds, long[] itemIds, double min, double max) {
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(item, "item must not be null");
        Objects.requireNonNull(rating, "rating must not be null");
        Objects.requireNonNull(userIds, "userIds must not be null");
        Objects.requireNonNull(itemIds, "itemIds must not be null");
        requireScale(min, max);
        requireDistinct("userIds", userIds);
        requireDistinct("itemIds", itemIds);
        if (rating.length == 0) {
            throw new DataException("no ratings (expected at least one)");
        }
        if (user.length != rating.length || item.length != rating.length) {
            throw new DataException("length mismatch: " + user.length + " users, " + item.length + " items and "
                    + rating.length + " ratings (expected one user and one item per rating)");
        }
        for (int k = 0; k < rating.length; k++) {
            if (user[k] < 0 || user[k] >= userIds.length) {
                throw new DataException("rating " + k + ": user index " + user[k] + " is outside [0, " + userIds.length + ")");
            }
            if (item[k] < 0 || item[k] >= itemIds.length) {
                throw new DataException("rating " + k + ": item index " + item[k] + " is outside [0, " + itemIds.length + ")");
            }
            if (!(rating[k] >= min && rating[k] <= max)) {
                throw new DataException("rating " + k + " is " + rating[k] + ", outside the scale " + scale(min, max));
            }
        }
        requireOnePerPair(user, item, itemIds.length);
        this.user = user.clone();
        this.item = item.clone();
        this.rating = rating.clone();
        this.userIds = userIds.clone();
        this.itemIds = itemIds.clone();
        this.min = min;
        this.max = max;
    }

    private static void requireDistinct(String name, long[] ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                throw new DataException(name + " holds id " + sorted[k] + " twice (each dense index needs its own id)");
            }
        }
    }

    /** No (user, item) pair twice: a duplicate would count twice in the loss and in the density. */
    private static void requireOnePerPair(int[] user, int[] item, int items) {
        long[] keys = new long[user.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (long) user[k] * items + item[k];
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                int first = -1;
                int second = -1;
                for (int j = 0; j < keys.length; j++) {
                    if (keys[j] == sorted[k]) {
                        if (first < 0) {
                            first = j;
                        } else {
                            second = j;
                            break;
                        }
                    }
                }
                throw new DataException("ratings " + first + " and " + second + " are both for user index "
                        + user[first] + " and item index " + item[first] + " (at most one rating per user and item)");
            }
        }
    }

    static void requireScale(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("rating scale must be finite numbers min < max, got " + scale(min, max));
        }
    }

    static String scale(double min, double max) {
        return String.format(Locale.ROOT, "[%s, %s]", num(min), num(max));
    }

    /** A number as short as possible: 5 rather than 5.0. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Number of ratings. */
    public int size() {
        return rating.length;
    }

    /** Number of users (dense indices {@code 0..users()-1}). */
    public int users() {
        return userIds.length;
    }

    /** Number of items. */
    public int items() {
        return itemIds.length;
    }

    /** Dense user index of rating {@code k}. */
    public int user(int k) {
        return user[k];
    }

    /** Dense item index of rating {@code k}. */
    public int item(int k) {
        return item[k];
    }

    /** Rating {@code k}. */
    public double rating(int k) {
        return rating[k];
    }

    /** The id (e.g. in the file) of dense user index {@code u}. */
    public long userId(int u) {
        return userIds[u];
    }

    /** The id of dense item index {@code i}. */
    public long itemId(int i) {
        return itemIds[i];
    }

    /** Lowest rating of the scale. */
    public double min() {
        return min;
    }

    /** Highest rating of the scale. */
    public double max() {
        return max;
    }

    /** The mean rating. */
    public double mean() {
        double s = 0;
        for (double r : rating) {
            s += r;
        }
        return s / rating.length;
    }

    /** Fraction of the user x item matrix that is observed. */
    public double density() {
        return (double) size() / ((double) users() * items());
    }

    /** A copy of all ratings, in order. */
    public double[] ratings() {
        return rating.clone();
    }

    /** Training and test part of a split. */
    public record Split(Ratings train, Ratings test) {
    }

    /**
     * Splits at random into a training and a test set with the same users and items; each rating
     * keeps its relative order. A test user or item without training ratings keeps its initial
     * factors (the cold-start problem).
     *
     * @param testFraction fraction of ratings in the test set, in (0, 1)
     * @param seed         seed of the shuffle
     */
    public Split split(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int n = size();
        int testSize = (int) Math.round(testFraction * n);
        if (testSize < 1 || testSize > n - 1) {
            throw new IllegalArgumentException("testFraction " + testFraction + " of " + n
                    + " ratings leaves an empty training or test set");
        }
        int[] order = Vec.identity(n);
        Vec.shuffle(order, Seeds.random(seed));
        int[] test = Arrays.copyOf(order, testSize);
        int[] train = Arrays.copyOfRange(order, testSize, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(subset(train), subset(test));
    }

    private Ratings subset(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        double[] r = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            u[k] = user[rows[k]];
            i[k] = item[rows[k]];
            r[k] = rating[rows[k]];
        }
        return new Ratings(u, i, r, userIds, itemIds, min, max);
    }

    /** Requires {@code other} to index the same users and items as this set. */
    void requireSameShape(String name, Ratings other) {
        if (other.users() != users() || other.items() != items()) {
            throw new IllegalArgumentException(name + " has " + other.users() + " users and " + other.items()
                    + " items, expected " + users() + " and " + items() + " (split one set with Ratings.split)");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Ratings(%d ratings, %d users, %d items, density %.3f, scale %s)",
                size(), users(), items(), density(), scale(min, max));
    }
}
