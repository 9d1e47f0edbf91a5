package gdkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.DoubleFunction;

import org.knowm.xchart.XYChart;

/**
 * What XChart lacks for heat maps with marks drawn over them: a raster painted underneath an XY
 * chart's plot area, and a colour bar to its right. XChart still draws the axes, the series and
 * the legend; the chart's backgrounds must be transparent. Shared by {@link SurfaceChart},
 * {@link SurfaceHeatMap} and {@link HeatMap}.
 */
final class Underlay {
    /** Width of the margin, right of the chart, that holds the colour bar. */
    static final int BAR_MARGIN = 100;
    private static final int BAR_WIDTH = 14;

    private Underlay() {
    }

    /** Paints the colour bar into the margin: x is its left edge, top and height match the plot area. */
    @FunctionalInterface
    interface Bar {
        void paint(Graphics2D g, int x, int top, int height);
    }

    /**
     * An XY chart whose axes span exactly the window of {@code surface}, with transparent
     * backgrounds so the raster painted underneath shows, and the legend below.
     */
    static XYChart surfaceChart(String title, String xLabel, String yLabel, int width, int height, Surface surface) {
        XYChart chart = Style.newChart(title, xLabel, yLabel, width, height);
        var s = chart.getStyler();
        s.setXAxisMin(surface.xMin).setXAxisMax(surface.xMax);
        s.setYAxisMin(surface.yMin).setYAxisMax(surface.yMax);
        s.setChartBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        return chart;
    }

    /** A graphics context with the anti-aliasing every gdkit figure uses, scaled by {@code scale}. */
    static Graphics2D prepare(BufferedImage image, int scale) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        return g;
    }

    /**
     * Renders {@code chart}, laid out at {@code w x h}, with {@code cells} stretched over the data rectangle
     * [x0, x1] x [y0, y1] beneath it, the colour bar in a margin on the right (none if {@code bar} is
     * null), and the title and legend above and below (see {@link Frame}).
     */
    static Figure render(XYChart chart, int w, int h, BufferedImage cells, double x0, double x1, double y0,
            double y1, Bar bar) {
        return Frame.paint(chart, w, h, legend -> {
            // Paint once off-screen so XChart lays out its axes; then the plot area's pixels are known.
            BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D sg = scratch.createGraphics();
            chart.paint(sg, w, h);
            sg.dispose();
            double left = chart.getScreenXFromChart(x0);
            double right = chart.getScreenXFromChart(x1);
            double top = chart.getScreenYFromChart(y1);
            double bottom = chart.getScreenYFromChart(y0);
            return Frame.render(chart, legend, bar == null ? w : w + BAR_MARGIN, h, g -> {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                g.drawImage(cells, (int) Math.round(left), (int) Math.round(top), (int) Math.round(right - left),
                        (int) Math.round(bottom - top), null);
                chart.paint(g, w, h);
                if (bar != null) {
                    bar.paint(g, w + 10, (int) Math.round(top), (int) Math.round(bottom - top));
                }
            });
        });
    }

    /**
     * The chart size {w, h} (at most {@code width x height}) at which one unit of x spans as many
     * pixels as one unit of y in the window of {@code surface}.
     */
    static int[] equalAspect(XYChart chart, int width, int height, Surface surface) {
        BufferedImage scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] size = Frame.paint(chart, width, height, legend -> {
            Graphics2D g = scratch.createGraphics();
            chart.paint(g, width, height);
            g.dispose();
            double pw = chart.getScreenXFromChart(surface.xMax) - chart.getScreenXFromChart(surface.xMin);
            double ph = chart.getScreenYFromChart(surface.yMin) - chart.getScreenYFromChart(surface.yMax);
            double perUnit = Math.min(pw / (surface.xMax - surface.xMin), ph / (surface.yMax - surface.yMin));
            int w = (int) Math.round(width - (pw - perUnit * (surface.xMax - surface.xMin)));
            int h = (int) Math.round(height - (ph - perUnit * (surface.yMax - surface.yMin)));
            return new int[] {Math.max(w, 200), Math.max(h, 150)};
        });
        return size;
    }

    /** Linear interpolation between evenly spaced colour anchors at {@code u} in [0, 1] (clamped). */
    static Color interpolate(Color[] anchors, double u) {
        return Palette.interpolate(anchors, u);
    }

    /**
     * Draws a vertical colour bar: {@code color} at fraction u (0 = bottom, 1 = top), tick marks at
     * the fractions {@code ticks} labelled {@code labels}, and {@code title} written along it.
     */
    static void colorBar(Graphics2D g, int x, int y, int height, DoubleFunction<Color> color, double[] ticks,
            String[] labels, String title) {
        for (int k = 0; k < height; k++) {
            g.setColor(color.apply(1 - (k + 0.5) / height));
            g.fillRect(x, y + k, BAR_WIDTH, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.drawRect(x, y, BAR_WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int k = 0; k < ticks.length; k++) {
            int ty = y + height - (int) Math.round(ticks[k] * height);
            g.drawLine(x + BAR_WIDTH, ty, x + BAR_WIDTH + 3, ty);
            g.drawString(labels[k], x + BAR_WIDTH + 5, ty + 4);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String label = Text.plain(title);
        int width = rotated.getFontMetrics().stringWidth(label);
        rotated.drawString(label, -(y + height / 2 + width / 2), x + BAR_WIDTH + 62);
        rotated.dispose();
    }

    /** A swatch with a label above the colour bar, e.g. the grey of "diverges"; returns its height. */
    static int swatch(Graphics2D g, int x, int y, Color color, String label) {
        g.setColor(color);
        g.fillRect(x, y, BAR_WIDTH, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, BAR_WIDTH, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString(label, x + BAR_WIDTH + 5, y + 11);
        return 26;
    }
}
