package gdkit.plot;

import java.awt.Color;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Counts of values in equal-width bins, and a chart that draws them as filled bars. Non-finite
 * values are left out and counted separately ({@link #nonFinite()}), never drawn.
 *
 * <pre>{@code
 * Histogram h = Histogram.of(gradientNorms, 40);
 * XYChart chart = h.chart("Gradient norms of a healthy run", "gradient norm");
 * Plots.addLine(chart, "threshold", new double[] {c, c}, new double[] {0, h.maxCount()});
 * }</pre>
 */
public final class Histogram {
    private final double[] edges;
    private final int[] counts;
    private final int nonFinite;

    private Histogram(double[] edges, int[] counts, int nonFinite) {
        this.edges = edges;
        this.counts = counts;
        this.nonFinite = nonFinite;
    }

    /**
     * Bins the finite values into {@code bins} equal-width bins from their minimum to their maximum.
     *
     * @throws IllegalArgumentException if {@code bins < 1} or no value is finite
     */
    public static Histogram of(double[] values, int bins) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int bad = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                bad++;
            }
        }
        if (bad == values.length) {
            throw new IllegalArgumentException("a histogram needs at least one finite value, got "
                    + values.length + " values, none finite");
        }
        if (hi == lo) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        // A range wider than the largest double (e.g. -1e308 to 1e308) is handled at half scale.
        boolean half = !Double.isFinite(hi - lo);
        double base = half ? lo / 2 : lo;
        double span = half ? hi / 2 - lo / 2 : hi - lo;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            double e = half ? base + span / bins * b : base + span * b / bins;
            edges[b] = half ? 2 * e : e;
        }
        if (half) {
            edges[bins] = hi;
        }
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = (int) (((half ? v / 2 : v) - base) / span * bins);
                counts[Math.min(bins - 1, Math.max(0, b))]++;
            }
        }
        return new Histogram(edges, counts, bad);
    }

    /** The bin edges, {@code bins + 1} values from the smallest to the largest value. */
    public double[] edges() {
        return edges.clone();
    }

    /** The number of values in each bin. */
    public int[] counts() {
        return counts.clone();
    }

    /** The largest bin count, e.g. the height of a vertical marker line. */
    public int maxCount() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** How many values were NaN or infinite and left out. */
    public int nonFinite() {
        return nonFinite;
    }

    /** A chart of the bars (y axis: count), in the gdkit style; add marker lines with {@link Plots#addLine}. */
    public XYChart chart(String title, String xLabel) {
        XYChart chart = Style.newChart(title, xLabel, "count", Style.WIDTH, Style.HEIGHT);
        int bins = counts.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            y[2 * b + 1] = counts[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 2] = counts[b];
        }
        x[0] = edges[0];
        x[2 * bins + 1] = edges[bins];
        String label = nonFinite == 0 ? "counts" : "counts (" + nonFinite + " non-finite values left out)";
        XYSeries s = chart.addSeries(label, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setFillColor(new Color(0x56B4E9));
        s.setLineColor(new Color(0x0072B2));
        s.setMarkerColor(new Color(0x0072B2));
        return chart;
    }
}
