package gdkit.plot;

import java.util.function.DoubleBinaryOperator;

import gdkit.model.Objective;

/** A function of two variables sampled on a regular grid, for drawing loss surfaces. */
public final class Surface {
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    final int resolution;
    /** values[j * resolution + i] is f at the i-th x and the j-th y. */
    final double[] values;

    private Surface(double xMin, double xMax, double yMin, double yMax, int resolution, double[] values) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.resolution = resolution;
        this.values = values;
    }

    /**
     * Samples {@code f(x, y)} on a {@code resolution x resolution} grid over the given window.
     */
    public static Surface sample(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax, int resolution) {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("window must have xMin < xMax and yMin < yMax, got x in ["
                    + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]");
        }
        if (resolution < 2) {
            throw new IllegalArgumentException("resolution must be >= 2, got " + resolution);
        }
        double[] v = new double[resolution * resolution];
        for (int j = 0; j < resolution; j++) {
            double y = yMin + (yMax - yMin) * j / (resolution - 1);
            for (int i = 0; i < resolution; i++) {
                double x = xMin + (xMax - xMin) * i / (resolution - 1);
                v[j * resolution + i] = f.applyAsDouble(x, y);
            }
        }
        return new Surface(xMin, xMax, yMin, yMax, resolution, v);
    }

    /** Samples the loss of a two-parameter objective, e.g. linear regression's (w, b). */
    public static Surface of(Objective objective, double xMin, double xMax, double yMin, double yMax, int resolution) {
        if (objective.dimension() != 2) {
            throw new IllegalArgumentException("a loss surface needs an objective with 2 parameters, this one has "
                    + objective.dimension());
        }
        double[] p = new double[2];
        return sample((x, y) -> {
            p[0] = x;
            p[1] = y;
            return objective.loss(p);
        }, xMin, xMax, yMin, yMax, resolution);
    }

    /** Smallest finite sampled value. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    /** Largest finite sampled value. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
