package gdkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import gdkit.train.Run;

/**
 * A filled contour map of a 2-D loss surface with optimizer paths drawn over it.
 *
 * <p>XChart draws the axes, paths and legend; it has no filled-contour chart, so this class paints
 * the banded surface underneath XChart's plot area and adds a colour bar. Colour encodes
 * {@code log10(loss - min loss)} in bands, so the elliptical level sets of a quadratic show at
 * every scale. Paths are drawn up to their last finite point; a path that leaves the window is
 * clipped by the plot area.
 */
public final class SurfaceChart {
    private static final int BANDS = 14;
    private static final int COLOR_BAR_WIDTH = 90;
    /** A light sequential palette (low loss = pale yellow, high = blue) so paths stand out. */
    private static final Color[] RAMP = {
        new Color(0xFFFFE5), new Color(0xF7FCB9), new Color(0xD9F0A3), new Color(0xADDD8E),
        new Color(0x78C6A3), new Color(0x58AFC1), new Color(0x4A8CC2), new Color(0x4F6AAE),
    };
    private static final Color[] PATH_COLORS = {
        new Color(0xD62728), new Color(0x000000), new Color(0xFF7F0E), new Color(0x9467BD),
        new Color(0xE377C2), new Color(0x8C564B), new Color(0x17BECF),
    };

    private final Surface surface;
    private final XYChart chart;
    private int paths;

    /** A contour map of {@code surface} with the given title and axis labels. */
    public SurfaceChart(String title, String xLabel, String yLabel, Surface surface) {
        this(title, xLabel, yLabel, surface, Style.WIDTH - COLOR_BAR_WIDTH, Style.HEIGHT + 40);
    }

    /**
     * A contour map of the given plot size in points (the colour bar is added to the width), e.g.
     * small panels for {@link Plots#grid}.
     */
    public SurfaceChart(String title, String xLabel, String yLabel, Surface surface, int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100, got " + width + " x " + height);
        }
        this.surface = surface;
        this.chart = Style.newChart(title, xLabel, yLabel, width, height);
        var s = chart.getStyler();
        s.setXAxisMin(surface.xMin).setXAxisMax(surface.xMax);
        s.setYAxisMin(surface.yMin).setYAxisMax(surface.yMax);
        s.setChartBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setMarkerSize(4);
    }

    /** Draws the path of parameters 0 (x) and 1 (y) of a run's recorded trajectory. */
    public SurfaceChart addPath(String name, Run run) {
        return addPath(name, run, 0, 1);
    }

    /** Draws the path of parameters {@code xIndex} and {@code yIndex} of a run's trajectory. */
    public SurfaceChart addPath(String name, Run run, int xIndex, int yIndex) {
        String label = run.diverged() ? name + " (diverged at step " + run.divergedAt() + ")" : name;
        return addPath(label, run.history().param(xIndex), run.history().param(yIndex));
    }

    /** Draws a path through the points {@code (xs[k], ys[k])}, marking its start (square) and end (diamond). */
    public SurfaceChart addPath(String name, double[] xs, double[] ys) {
        int n = Plots.drawablePrefix(xs, ys, false, false);
        if (n == 0) {
            chart.setTitle(chart.getTitle() + " [" + name + ": nothing finite to draw]");
            return this;
        }
        Color color = PATH_COLORS[paths++ % PATH_COLORS.length];
        double[] x = java.util.Arrays.copyOf(xs, n);
        double[] y = java.util.Arrays.copyOf(ys, n);
        XYSeries line = chart.addSeries(name, x, y);
        line.setLineColor(color);
        line.setMarkerColor(color);
        line.setMarker(n <= 80 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setLineWidth(1.6f);
        marker(name + " start", x[0], y[0], SeriesMarkers.SQUARE, color);
        marker(name + " end", x[n - 1], y[n - 1], SeriesMarkers.DIAMOND, color);
        return this;
    }

    /** Marks one point, e.g. the minimum, with a labelled cross in the legend. */
    public SurfaceChart addPoint(String name, double x, double y) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CROSS);
        s.setMarkerColor(Color.BLACK);
        return this;
    }

    private void marker(String name, double x, double y, org.knowm.xchart.style.markers.Marker m, Color c) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(m);
        s.setMarkerColor(c);
        s.setShowInLegend(false);
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
        double lo = surface.min();
        double hi = surface.max();
        double floor = Math.max((hi - lo) * 1e-4, 1e-12);
        double a = Math.log10(floor);
        double b = Math.log10(hi - lo + floor);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(heat(lo, floor, a, b), (int) Math.round(left), (int) Math.round(top),
                (int) Math.round(right - left), (int) Math.round(bottom - top), null);
        chart.paint(g, w, h);
        colorBar(g, w + 16, (int) top, (int) (bottom - top), a, b);
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
    private BufferedImage heat(double lo, double floor, double a, double b) {
        int r = surface.resolution;
        BufferedImage img = new BufferedImage(r, r, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                double v = surface.values[j * r + i];
                Color c = Double.isFinite(v) ? band(Math.log10(v - lo + floor), a, b) : Color.LIGHT_GRAY;
                img.setRGB(i, r - 1 - j, c.getRGB());
            }
        }
        return img;
    }

    private static Color band(double t, double a, double b) {
        double u = (t - a) / (b - a);
        int k = Math.min(BANDS - 1, Math.max(0, (int) Math.floor(u * BANDS)));
        return ramp((k + 0.5) / BANDS);
    }

    private static Color ramp(double u) {
        double p = u * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(p));
        double f = p - i;
        Color c0 = RAMP[i];
        Color c1 = RAMP[i + 1];
        return new Color((int) Math.round(c0.getRed() + f * (c1.getRed() - c0.getRed())),
                (int) Math.round(c0.getGreen() + f * (c1.getGreen() - c0.getGreen())),
                (int) Math.round(c0.getBlue() + f * (c1.getBlue() - c0.getBlue())));
    }

    private static void colorBar(Graphics2D g, int x, int y, int height, double a, double b) {
        int barWidth = 14;
        for (int k = 0; k < BANDS; k++) {
            int y0 = y + height - (int) Math.round((k + 1) * (double) height / BANDS);
            int y1 = y + height - (int) Math.round(k * (double) height / BANDS);
            g.setColor(ramp((k + 0.5) / BANDS));
            g.fillRect(x, y0, barWidth, y1 - y0);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.drawRect(x, y, barWidth, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        int step = Math.max(1, (int) Math.ceil((b - a) / 6));
        for (int e = (int) Math.ceil(a); e <= b; e += step) {
            int ty = y + height - (int) Math.round((e - a) / (b - a) * height);
            g.drawLine(x + barWidth, ty, x + barWidth + 3, ty);
            g.drawString(Style.decade(Math.pow(10, e)), x + barWidth + 5, ty + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        rotated.drawString("loss \u2212 min loss (log)", -(y + height / 2 + 50), x - 4);
        rotated.dispose();
    }
}
