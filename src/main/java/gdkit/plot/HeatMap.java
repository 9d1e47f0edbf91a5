package gdkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A heat map of a table of values, e.g. per-layer gradient norms (layer x step), rendered as a
 * static image with axes, a title and a colour bar.
 *
 * <p>Row {@code i} of the table is drawn at height {@code yFirst + i} (row 0 at the bottom) and
 * column {@code j} at {@code xFirst + j}. Colour encodes {@code log10(value)} by default, since
 * gradient norms span decades; non-finite values (and, on the log scale, values {@code <= 0}) are
 * grey.
 *
 * <pre>{@code
 * HeatMap.of("gradient norm per layer", "step", "layer", monitor.matrix(names)).yFirst(1).show()
 * }</pre>
 */
public final class HeatMap {
    private static final Color MISSING = Palette.NOT_FINITE;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[][] values;
    private final int rows;
    private final int cols;
    private double xFirst;
    private double yFirst;
    private boolean log = true;
    private boolean signed;
    /** Positive: the signed scale runs over [-limit, limit] whatever the values. */
    private double limit;
    private String[] rowLabels;
    private String colorLabel = "value";

    private HeatMap(String title, String xLabel, String yLabel, double[][] values) {
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("a heat map needs at least one row and one column");
        }
        for (int i = 1; i < values.length; i++) {
            if (values[i].length != values[0].length) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values but row 0 has "
                        + values[0].length + " (every row needs the same length)");
            }
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.values = values;
        this.rows = values.length;
        this.cols = values[0].length;
    }

    /** A heat map of {@code values[row][column]}: rows along the y axis, columns along the x axis. */
    public static HeatMap of(String title, String xLabel, String yLabel, double[][] values) {
        return new HeatMap(title, xLabel, yLabel, values);
    }

    /** The x value of column 0 (default 0); column j is at {@code xFirst + j}. */
    public HeatMap xFirst(double x) {
        this.xFirst = x;
        return this;
    }

    /** The y value of row 0 (default 0), e.g. 1 for layers counted from 1. */
    public HeatMap yFirst(double y) {
        this.yFirst = y;
        return this;
    }

    /** Whether colour encodes log10 of the value (default true) or the value itself. */
    public HeatMap logScale(boolean log) {
        this.log = log;
        return this;
    }

    /**
     * Colours signed values (e.g. weights) with the {@link Palette#diverging} map: zero white,
     * negative blue, positive red, on a scale symmetric about zero. Implies a linear scale.
     */
    public HeatMap diverging() {
        this.signed = true;
        this.log = false;
        return this;
    }

    /**
     * Like {@link #diverging()}, on the fixed scale {@code [-limit, limit]} (values beyond take the
     * end colours): give several maps the same limit to compare them panel by panel.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public HeatMap diverging(double limit) {
        if (!(limit > 0 && Double.isFinite(limit))) {
            throw new IllegalArgumentException("limit must be positive and finite, got " + limit);
        }
        this.limit = limit;
        return diverging();
    }

    /**
     * Names for the rows, bottom to top (row 0 first), written on the y axis instead of numbers.
     *
     * @throws IllegalArgumentException if there is not one name per row
     */
    public HeatMap rowLabels(String... labels) {
        if (labels.length != rows) {
            throw new IllegalArgumentException("rowLabels needs one name per row: " + rows + " rows, got " + labels.length);
        }
        this.rowLabels = labels.clone();
        return this;
    }

    /** The colour bar's label, e.g. {@code "gradient norm"}. */
    public HeatMap colorLabel(String label) {
        this.colorLabel = label;
        return this;
    }

    /** Renders the heat map (at twice its nominal size, like {@link Plots#show}). */
    public BufferedImage show() {
        return render(Style.WIDTH - Underlay.BAR_MARGIN, Style.HEIGHT);
    }

    /** Renders the heat map as one panel of a {@link Plots#grid} (see {@link Plots#panel}). */
    public BufferedImage panel() {
        return render(Style.PANEL_WIDTH - Underlay.BAR_MARGIN, Style.PANEL_HEIGHT);
    }

    private BufferedImage render(int width, int height) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean missing = false;
        for (double[] row : values) {
            for (double v : row) {
                if (drawable(v)) {
                    lo = Math.min(lo, scaled(v));
                    hi = Math.max(hi, scaled(v));
                } else {
                    missing = true;
                }
            }
        }
        if (signed && limit > 0) {
            lo = -limit;
            hi = limit;
        } else if (signed && lo <= hi) {
            double m = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), Double.MIN_NORMAL);
            lo = -m;
            hi = m;
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        String fullTitle = missing ? title + " (grey: not finite)" : title;
        XYChart chart = Style.newChart(fullTitle, xLabel, yLabel, Style.WIDTH - Underlay.BAR_MARGIN, Style.HEIGHT);
        double x0 = xFirst - 0.5;
        double x1 = xFirst + cols - 0.5;
        double y0 = yFirst - 0.5;
        double y1 = yFirst + rows - 0.5;
        var s = chart.getStyler();
        s.setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        s.setChartBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setLegendVisible(false);
        s.setXAxisTickLabelsFormattingFunction(AxisLabels.integers(chart, true));
        s.setYAxisTickLabelsFormattingFunction(AxisLabels.integers(chart, false));
        if (rowLabels != null) {
            String[] names = rowLabels;
            double first = yFirst;
            // XChart drops all tick labels when two are equal, so the ticks between rows get distinct
            // invisible labels (runs of zero-width spaces) instead of empty ones
            s.setYAxisTickLabelsFormattingFunction(v -> {
                long k = Math.round(v - first);
                if (Math.abs(v - first - k) < 1e-9 && k >= 0 && k < names.length) {
                    return names[(int) k];
                }
                return "\u200B".repeat(1 + (int) Math.max(0, Math.round(8 * (v - first + 1))));
            });
        }
        // XChart needs a series to lay out the axes; this one is invisible. Its points are unevenly
        // spaced because XChart puts ticks only at the data points of short, evenly spaced series.
        XYSeries anchor = chart.addSeries(" ", new double[] {x0, x0 + 0.3 * (x1 - x0), x1},
                new double[] {y0, y0 + 0.3 * (y1 - y0), y1});
        anchor.setMarker(SeriesMarkers.NONE);
        Plots.paint(anchor, new Color(0, 0, 0, 0));
        anchor.setLineStyle(SeriesLines.SOLID);

        double low = lo;
        double high = hi;
        return Underlay.render(chart, width, height, cells(lo, hi), x0, x1, y0, y1, (g, x, top, barHeight) -> colorBar(g, x, top, barHeight, low, high));
    }

    private boolean drawable(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private double scaled(double v) {
        return log ? Math.log10(v) : v;
    }

    /** One pixel per cell, row 0 at the bottom. */
    private BufferedImage cells(double lo, double hi) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = values[i][j];
                Color c = drawable(v) ? color((scaled(v) - lo) / (hi - lo)) : MISSING;
                img.setRGB(j, rows - 1 - i, c.getRGB());
            }
        }
        return img;
    }

    /** The colour at fraction {@code u} of the colour range. */
    private Color color(double u) {
        return signed ? Palette.diverging(Math.max(-1, Math.min(1, 2 * u - 1))) : Palette.viridis(u);
    }

    private void colorBar(Graphics2D g, int x, int y, int height, double lo, double hi) {
        double[] t = ticks(lo, hi);
        double[] fractions = new double[t.length];
        String[] labels = new String[t.length];
        for (int k = 0; k < t.length; k++) {
            fractions[k] = (t[k] - lo) / (hi - lo);
            labels[k] = !log ? AxisLabels.number(Double.parseDouble(String.format(Locale.ROOT, "%.6g", t[k]))) : Style.decade(Math.pow(10, t[k]));
        }
        Underlay.colorBar(g, x, y, height, this::color, fractions, labels, log ? colorLabel + " (log scale)" : colorLabel);
    }

    /** Tick positions on the colour bar: whole decades on a log scale (at most about 8), else 5 even steps. */
    private double[] ticks(double lo, double hi) {
        if (log) {
            int first = (int) Math.ceil(lo);
            int last = (int) Math.floor(hi);
            if (last >= first) {
                int stride = Math.max(1, (last - first + 7) / 8);
                int count = (last - first) / stride + 1;
                double[] t = new double[count];
                for (int k = 0; k < count; k++) {
                    t[k] = first + k * stride;
                }
                return t;
            }
        }
        return roundTicks(lo, hi);
    }

    /** Four to ten ticks at round values (steps of 1, 2 or 5 times a power of ten) within [lo, hi]. */
    static double[] roundTicks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        double[] t = new double[(int) Math.max(0, last - first + 1)];
        for (int k = 0; k < t.length; k++) {
            t[k] = (first + k) * step;
        }
        return t;
    }
}
