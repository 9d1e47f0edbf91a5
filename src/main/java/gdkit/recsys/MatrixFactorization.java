package gdkit.recsys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import gdkit.model.ParameterBlocks;
import gdkit.model.SeparableObjective;
import gdkit.util.Args;
import gdkit.util.Seeds;

/**
 * Matrix-factorization collaborative filtering (Koren, Bell and Volinsky, 2009): user u and item i
 * get factor vectors {@code p_u}, {@code q_i} of length {@code rank} and, optionally, biases
 * {@code b_u}, {@code c_i}; the predicted rating is
 *
 * <pre>
 *   rhat_ui = mu + b_u + c_i + p_u . q_i
 * </pre>
 *
 * with {@code mu} the mean training rating (a constant, or 0 without {@link Builder#globalMean}).
 * The loss is the mean over the observed training ratings of the squared error plus an L2 penalty
 * on the parameters that rating touches:
 *
 * <pre>
 *   L = (1/n) sum_(u,i) [ (rhat_ui - r_ui)^2 + l2 (|p_u|^2 + |q_i|^2 + b_u^2 + c_i^2) ]
 * </pre>
 *
 * As in Koren et al. the penalty sits inside the sum (a user with many ratings is penalised more),
 * which makes the loss a mean over ratings: a {@link SeparableObjective}, so the {@code Trainer}'s
 * mini-batch SGD gives unbiased gradients. Per rating, with {@code e = rhat_ui - r_ui}:
 * {@code dL/dp_u += 2 (e q_i + l2 p_u) / m}, {@code dL/dq_i += 2 (e p_u + l2 q_i) / m},
 * {@code dL/db_u += 2 (e + l2 b_u) / m}, {@code dL/dc_i += 2 (e + l2 c_i) / m}; the gradient pass
 * allocates nothing.
 *
 * <p>Parameter layout, one block each: {@code P} (users x rank, row-major), {@code Q} (items x rank),
 * then, with biases, {@code userBias} (users) and {@code itemBias} (items).
 */
public final class MatrixFactorization implements SeparableObjective {
    private final Ratings train;
    private final int users;
    private final int items;
    private final int rank;
    private final boolean biases;
    private final double mu;
    private final double l2;
    private final int offsetQ;
    private final int offsetUserBias;
    private final int offsetItemBias;
    private final int dimension;
    private final int[] u;
    private final int[] i;
    private final double[] r;
    private final int[] all;

    private MatrixFactorization(Builder b) {
        this.train = b.train;
        this.users = train.users();
        this.items = train.items();
        this.rank = b.rank;
        this.biases = b.biases;
        this.mu = b.globalMean ? train.mean() : 0.0;
        this.l2 = b.l2;
        this.offsetQ = users * rank;
        this.offsetUserBias = offsetQ + items * rank;
        this.offsetItemBias = offsetUserBias + users;
        this.dimension = biases ? offsetItemBias + items : offsetUserBias;
        int n = train.size();
        this.u = new int[n];
        this.i = new int[n];
        this.r = new double[n];
        this.all = new int[n];
        for (int k = 0; k < n; k++) {
            u[k] = train.user(k);
            i[k] = train.item(k);
            r[k] = train.rating(k);
            all[k] = k;
        }
    }

    /** Starts a model of the given training ratings. */
    public static Builder builder(Ratings train) {
        java.util.Objects.requireNonNull(train, "train must not be null");
        return new Builder(train);
    }

    /** Settings of a {@link MatrixFactorization}. */
    public static final class Builder {
        private final Ratings train;
        private int rank = 10;
        private double l2 = 0;
        private boolean biases = true;
        private boolean globalMean = true;

        private Builder(Ratings train) {
            this.train = train;
        }

        /** Length k of the factor vectors (default 10). */
        public Builder rank(int rank) {
            this.rank = Args.atLeast("rank", rank, 1);
            return this;
        }

        /** L2 penalty factor, {@code >= 0} (default 0). */
        public Builder l2(double l2) {
            this.l2 = Args.nonNegative("l2", l2);
            return this;
        }

        /** Whether to learn a bias per user and per item (default true). */
        public Builder biases(boolean biases) {
            this.biases = biases;
            return this;
        }

        /** Whether predictions start from the mean training rating (default true) or from 0. */
        public Builder globalMean(boolean globalMean) {
            this.globalMean = globalMean;
            return this;
        }

        public MatrixFactorization build() {
            return new MatrixFactorization(this);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int examples() {
        return r.length;
    }

    @Override
    public ParameterBlocks blocks() {
        ParameterBlocks.Builder b = ParameterBlocks.builder().add("P", users * rank).add("Q", items * rank);
        if (biases) {
            b.add("userBias", users).add("itemBias", items);
        }
        return b.build();
    }

    /** The length of the factor vectors. */
    public int rank() {
        return rank;
    }

    /** The constant added to every prediction: the mean training rating, or 0. */
    public double globalMean() {
        return mu;
    }

    /** The ratings the loss is computed on. */
    public Ratings train() {
        return train;
    }

    /**
     * Initial parameters: factor entries normal with standard deviation {@code std}, biases 0.
     * Factors must not all start at 0: then every gradient of P and Q is 0 and they never move.
     */
    public double[] initialize(double std, long seed) {
        Args.nonNegative("std", std);
        Random rng = Seeds.random(seed);
        double[] params = new double[dimension];
        for (int j = 0; j < offsetUserBias; j++) {
            params[j] = std * rng.nextGaussian();
        }
        return params;
    }

    /** The predicted rating of dense user index {@code user} for item {@code item}. */
    public double predict(double[] params, int user, int item) {
        requireDimension(params);
        return predictUnchecked(params, user, item);
    }

    private double predictUnchecked(double[] params, int user, int item) {
        double s = mu;
        int pu = user * rank;
        int qi = offsetQ + item * rank;
        for (int f = 0; f < rank; f++) {
            s += params[pu + f] * params[qi + f];
        }
        if (biases) {
            s += params[offsetUserBias + user] + params[offsetItemBias + item];
        }
        return s;
    }

    /** Root-mean-square error of the predictions on {@code ratings} (no penalty), e.g. a test set. */
    public double rmse(double[] params, Ratings ratings) {
        requireDimension(params);
        train.requireSameShape("ratings", ratings);
        double s = 0;
        for (int k = 0; k < ratings.size(); k++) {
            double e = predictUnchecked(params, ratings.user(k), ratings.item(k)) - ratings.rating(k);
            s += e * e;
        }
        return Math.sqrt(s / ratings.size());
    }

    @Override
    public double loss(double[] params) {
        requireDimension(params);
        double s = 0;
        for (int k = 0; k < r.length; k++) {
            s += exampleLoss(params, k);
        }
        return s / r.length;
    }

    private double exampleLoss(double[] params, int k) {
        double e = predictUnchecked(params, u[k], i[k]) - r[k];
        return e * e + penalty(params, k);
    }

    /** {@code l2 (|p_u|^2 + |q_i|^2 + b_u^2 + c_i^2)} for rating k. */
    private double penalty(double[] params, int k) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        int pu = u[k] * rank;
        int qi = offsetQ + i[k] * rank;
        for (int f = 0; f < rank; f++) {
            s += params[pu + f] * params[pu + f] + params[qi + f] * params[qi + f];
        }
        if (biases) {
            double bu = params[offsetUserBias + u[k]];
            double bi = params[offsetItemBias + i[k]];
            s += bu * bu + bi * bi;
        }
        return l2 * s;
    }

    @Override
    public double lossAndGradient(double[] params, double[] gradient) {
        return batchLossAndGradient(params, all, 0, all.length, gradient);
    }

    @Override
    public double batchLossAndGradient(double[] params, int[] order, int from, int to, double[] gradient) {
        requireDimension(params);
        Args.length("gradient", gradient, dimension);
        if (from < 0 || to > order.length || from >= to) {
            throw new IllegalArgumentException("batch [" + from + ", " + to + ") is not a non-empty range of order[0.."
                    + order.length + ")");
        }
        Arrays.fill(gradient, 0.0);
        double c = 2.0 / (to - from);
        double s = 0;
        for (int t = from; t < to; t++) {
            int k = order[t];
            double e = predictUnchecked(params, u[k], i[k]) - r[k];
            s += e * e + penalty(params, k);
            int pu = u[k] * rank;
            int qi = offsetQ + i[k] * rank;
            for (int f = 0; f < rank; f++) {
                double p = params[pu + f];
                double q = params[qi + f];
                gradient[pu + f] += c * (e * q + l2 * p);
                gradient[qi + f] += c * (e * p + l2 * q);
            }
            if (biases) {
                int bu = offsetUserBias + u[k];
                int bi = offsetItemBias + i[k];
                gradient[bu] += c * (e + l2 * params[bu]);
                gradient[bi] += c * (e + l2 * params[bi]);
            }
        }
        return s / (to - from);
    }

    private void requireDimension(double[] params) {
        if (params.length != dimension) {
            throw new IllegalArgumentException("params has length " + params.length + " but this model has "
                    + dimension + " parameters (" + describe() + ")");
        }
    }

    /** The shape of the model, e.g. {@code "rank 5, 300 users, 200 items, biases, l2=0.02"}. */
    public String describe() {
        return String.format(Locale.ROOT, "rank %d, %d users, %d items, %s, l2=%.3g, mean %.3g", rank, users, items,
                biases ? "biases" : "no biases", l2, mu);
    }

    @Override
    public String toString() {
        return "MatrixFactorization(" + describe() + ")";
    }
}
