package gdkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
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
    private static final int COLOR_BAR_WIDTH = 110;
    /** Anchors of the viridis palette (perceptually uniform, colour-blind safe). */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x472D7B), new Color(0x3B528B), new Color(0x2C728E),
        new Color(0x21918C), new Color(0x28AE80), new Color(0x5EC962), new Color(0xADDC30), new Color(0xFDE725),
    };
    private static final Color OVERFLOW = new Color(0xC8C8C8);
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
        this.chart = Style.newChart(title, xLabel, yLabel, Style.WIDTH - COLOR_BAR_WIDTH, Style.HEIGHT + 40);
        var s = chart.getStyler();
        s.setXAxisMin(surface.xMin).setXAxisMax(surface.xMax);
        s.setYAxisMin(surface.yMin).setYAxisMax(surface.yMax);
        s.setChartBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setMarkerSize(9);
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
        s.setMarkerColor(color);
        s.setLineColor(color);
        return s;
    }

    /** The underlying XChart chart, for further styling. */
    public XYChart chart() {
        return chart;
    }

    BufferedImage render(int scale) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        int total = w + COLOR_BAR_WIDTH;
        // Paint once off-screen so XChart lays out its axes; then the plot area's pixels are known.
        BufferedImage scratch = new BufferedImage(total * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = prepare(scratch, scale);
        chart.paint(sg, w, h);
        sg.dispose();
        double left = chart.getScreenXFromChart(surface.xMin);
        double right = chart.getScreenXFromChart(surface.xMax);
        double top = chart.getScreenYFromChart(surface.yMax);
        double bottom = chart.getScreenYFromChart(surface.yMin);

        BufferedImage image = new BufferedImage(total * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = prepare(image, scale);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, total, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(heat(), (int) Math.round(left), (int) Math.round(top), (int) Math.round(right - left),
                (int) Math.round(bottom - top), null);
        chart.paint(g, w, h);
        colorBar(g, w + 16, (int) top, (int) (bottom - top));
        g.dispose();
        return image;
    }

    private static Graphics2D prepare(BufferedImage image, int scale) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        return g;
    }

    /** The surface as an image, one pixel per sample, row 0 at the top (largest y). */
    private BufferedImage heat() {
        int r = surface.resolution;
        BufferedImage img = new BufferedImage(r, r, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                double v = surface.values[j * r + i];
                Color c = !Double.isFinite(v) || v >= threshold ? OVERFLOW : color((v - low) / (high - low));
                img.setRGB(i, r - 1 - j, c.getRGB());
            }
        }
        return img;
    }

    /** Viridis at {@code u} in [0, 1] (clamped). */
    static Color color(double u) {
        double p = Math.min(1, Math.max(0, u)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(p));
        double f = p - i;
        Color c0 = VIRIDIS[i];
        Color c1 = VIRIDIS[i + 1];
        return new Color((int) Math.round(c0.getRed() + f * (c1.getRed() - c0.getRed())),
                (int) Math.round(c0.getGreen() + f * (c1.getGreen() - c0.getGreen())),
                (int) Math.round(c0.getBlue() + f * (c1.getBlue() - c0.getBlue())));
    }

    private void colorBar(Graphics2D g, int x, int y, int height) {
        int barWidth = 14;
        int swatch = thresholdLabel != null ? 26 : 0;
        int barTop = y + swatch;
        int barHeight = height - swatch;
        for (int k = 0; k < barHeight; k++) {
            g.setColor(color(1 - (k + 0.5) / barHeight));
            g.fillRect(x, barTop + k, barWidth, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.drawRect(x, barTop, barWidth, barHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int k = 0; k <= 4; k++) {
            double v = low + (high - low) * k / 4;
            int ty = barTop + barHeight - (int) Math.round(k * barHeight / 4.0);
            g.drawLine(x + barWidth, ty, x + barWidth + 3, ty);
            g.drawString(String.format(Locale.ROOT, "%.3g", v), x + barWidth + 5, ty + 4);
        }
        if (thresholdLabel != null) {
            g.setColor(OVERFLOW);
            g.fillRect(x, y, barWidth, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x, y, barWidth, 14);
            g.drawString(thresholdLabel, x + barWidth + 5, y + 11);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        rotated.drawString(valueLabel, -(barTop + barHeight / 2 + 40), x - 4);
        rotated.dispose();
    }
}
