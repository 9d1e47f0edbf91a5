package gdkit.plot;

import java.awt.BasicStroke;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Keeps series that coincide visible: a new series that lies on top of an earlier one for most of
 * its length, or under which most of an earlier one lies (a reference line along a converged
 * curve), within about 1% of the axis range and along at least a tenth of the x range of the
 * chart's series so far, is drawn dotted and with another marker shape, so the series underneath
 * shows through. A curve that only shares its first few points with a longer one (runs from one
 * start, one of which diverges at once) does not count.
 * Dotted, not dashed: in the kit's figures a dashed line is a prediction
 * ({@link Plots#addPrediction}), and a measured curve must not look like one.
 */
final class Overlap {
    /** Dot patterns (round caps make a zero-length dash a dot): dots, dot-dot-gap, dot-gap-wide, dense dots. */
    private static final float[][] DOTS = {{0f, 5f}, {0f, 4f, 0f, 8f}, {0f, 9f}, {0f, 3.5f}};
    private static final Marker[] MARKERS = {SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN};
    /** Two curves closer than this fraction of the axis range count as drawn on top of each other. */
    private static final double TOLERANCE = 0.012;
    /** The share of the chart's x range along which two curves must be that close to count as drawn on top of each other. */
    private static final double MIN_X_SHARE = 0.1;

    private Overlap() {
    }

    /** The k-th dot pattern (k = 0, 1, ...; they repeat), as a stroke. */
    static BasicStroke dots(int k) {
        return new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, DOTS[k % DOTS.length], 0f);
    }

    /** Dots {@code added} (and changes its marker) if it covers an earlier series of the chart. */
    static void distinguish(XYChart chart, XYSeries added) {
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        double tol = TOLERANCE * Math.max(width(chart, false, logY, 1), 1e-300);
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        double minSpan = MIN_X_SHARE * width(chart, true, logX, 0);
        int covered = 0;
        for (XYSeries other : chart.getSeriesCollection()) {
            if (other != added && other.isShowInLegend()
                    && (covers(added, other, logX, logY, tol, minSpan) || covers(other, added, logX, logY, tol, minSpan))) {
                covered++;
            }
        }
        if (covered > 0) {
            added.setLineStyle(dots(covered - 1));
            if (added.getMarker() != SeriesMarkers.NONE) {
                added.setMarker(MARKERS[(covered - 1) % MARKERS.length]);
            }
        }
    }

    /**
     * Whether at least half of {@code a}'s points (and at least two) lie on {@code b}, and the
     * points that do span at least {@code minSpan} along x (in decades on a log x axis).
     */
    private static boolean covers(XYSeries a, XYSeries b, boolean logX, boolean logY, double tol, double minSpan) {
        double[] bx = b.getXData();
        double[] by = b.getYData();
        if (bx.length == 0 || !increasing(bx)) {
            return false;
        }
        double[] ax = a.getXData();
        double[] ay = a.getYData();
        int inside = 0;
        int close = 0;
        double from = Double.POSITIVE_INFINITY;
        double to = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ax.length; i++) {
            double x = ax[i];
            if (x < bx[0] || x > bx[bx.length - 1]) {
                continue;
            }
            inside++;
            double yb = interpolate(bx, by, x);
            if (Math.abs(scale(ay[i], logY) - scale(yb, logY)) <= tol) {
                close++;
                from = Math.min(from, scale(x, logX));
                to = Math.max(to, scale(x, logX));
            }
        }
        return close >= 2 && close * 2 >= Math.max(inside, ax.length / 2) && to - from >= minSpan;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        int k = java.util.Arrays.binarySearch(x, at);
        if (k >= 0) {
            return y[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double f = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + f * (y[hi] - y[lo]);
    }

    private static boolean increasing(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static double scale(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /**
     * The width of the range the chart's series span on one axis (finite values; on a log axis
     * positive ones, in decades), or {@code ifNone} when there are no such values.
     */
    private static double width(XYChart chart, boolean xAxis, boolean log, double ifNone) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : xAxis ? s.getXData() : s.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, scale(v, log));
                    hi = Math.max(hi, scale(v, log));
                }
            }
        }
        return lo <= hi ? hi - lo : ifNone;
    }
}
