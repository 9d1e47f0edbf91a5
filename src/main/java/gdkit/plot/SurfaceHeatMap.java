package gdkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A static heat map of a function of two variables on a linear colour scale, e.g. a convergence
 * rate over a plane of hyper-parameters, with points and lines drawn over it and a colour bar.
 *
 * <p>Unlike {@link SurfaceChart} (bands of {@code log10(loss - min)}, for loss surfaces), the
 * colour here is the value itself between {@code low} and {@code high} (viridis palette, values
 * outside are clamped). Values at or above an optional threshold are painted grey and named in
 * the colour bar, e.g. "diverges". Non-finite values are painted grey too.
 *
 * <pre>{@code
 * Surface rate = Surface.sample((lr, mu) -> rho(lr, mu), 0, 2, 0, 0.99, 200);
 * SurfaceHeatMap map = new SurfaceHeatMap("rate", "step size", "momentum", rate, 0, 1, "rate per step")
 *         .overflow(1.0, "\u2265 1: diverges");
 * Plots.show(map);
 * }</pre>
 */
public final class SurfaceHeatMap {
    private static final Color OVERFLOW = Palette.NOT_FINITE;
    /** Colours for marks, in the order they are added; each stands out on every viridis shade. */
    private static final Color[] MARK_COLORS = {
        new Color(0xD62728), new Color(0xFF7F0E), new Color(0xE377C2), Color.WHITE, new Color(0x17BECF),
    };

    private final Surface surface;
    private final XYChart chart;
    private final double low;
    private final double high;
    private final String valueLabel;
    private double threshold = Double.POSITIVE_INFINITY;
    private String thresholdLabel;
    private int marks;

    /**
     * A heat map of {@code surface} with colours from {@code low} (dark) to {@code high} (light).
     *
     * @param valueLabel what the colour means, written along the colour bar
     */
    public SurfaceHeatMap(String title, String xLabel, String yLabel, Surface surface, double low, double high,
            String valueLabel) {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("colour range must be finite with low < high, got [" + low + ", " + high + "]");
        }
        this.surface = surface;
        this.low = low;
        this.high = high;
        this.valueLabel = valueLabel;
        this.chart = Underlay.surfaceChart(title, xLabel, yLabel, Style.WIDTH - Underlay.BAR_MARGIN, Style.HEIGHT + 40,
                surface);
        chart.getStyler().setMarkerSize(9);
    }

    /** Paints values {@code >= threshold} grey and labels that grey in the colour bar. */
    public SurfaceHeatMap overflow(double threshold, String label) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
        this.threshold = threshold;
        this.thresholdLabel = label;
        return this;
    }

    /** Marks points (without a line), e.g. where measured runs were made; listed in the legend. */
    public SurfaceHeatMap addPoints(String name, double[] x, double[] y) {
        XYSeries s = series(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return this;
    }

    /** Draws a line through the points, e.g. a theoretical boundary; listed in the legend. */
    public SurfaceHeatMap addLine(String name, double[] x, double[] y) {
        XYSeries s = series(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineWidth(2f);
        return this;
    }

    private XYSeries series(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' needs as many x as y values, at least one; got "
                    + x.length + " and " + y.length);
        }
        Color color = MARK_COLORS[marks++ % MARK_COLORS.length];
        XYSeries s = chart.addSeries(name, x.clone(), y.clone());
        s.setMarker(SeriesMarkers.DIAMOND);
        Plots.paint(s, color);
        return s;
    }

    /** The underlying XChart chart, for further styling. */
    public XYChart chart() {
        return chart;
    }

    BufferedImage render(int width, int height) {
        int r = surface.resolution;
        BufferedImage cells = new BufferedImage(r, r, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                double v = surface.values[j * r + i];
                Color c = !Double.isFinite(v) || v >= threshold ? OVERFLOW : color((v - low) / (high - low));
                cells.setRGB(i, r - 1 - j, c.getRGB());
            }
        }
        return Underlay.render(chart, width, height, cells, surface.xMin, surface.xMax, surface.yMin, surface.yMax, this::colorBar);
    }

    /** Viridis at {@code u} in [0, 1] (clamped). */
    static Color color(double u) {
        return Palette.viridis(u);
    }

    private void colorBar(Graphics2D g, int x, int y, int height) {
        int swatch = thresholdLabel != null ? Underlay.swatch(g, x, y, OVERFLOW, thresholdLabel) : 0;
        double[] ticks = new double[5];
        String[] labels = new String[5];
        for (int k = 0; k <= 4; k++) {
            ticks[k] = k / 4.0;
            labels[k] = String.format(Locale.ROOT, "%.3g", low + (high - low) * k / 4);
        }
        Underlay.colorBar(g, x, y + swatch, height - swatch, SurfaceHeatMap::color, ticks, labels, valueLabel);
    }
}
