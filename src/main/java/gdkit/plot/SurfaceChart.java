package gdkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
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
    /**
     * A light, nearly colourless ramp (low loss = white, high = warm grey), so that paths keep their
     * {@link Palette} colours and stand out on every band.
     */
    private static final Color[] RAMP = {
        new Color(0xFFFFFF), new Color(0xF1EEE8), new Color(0xE0DACF), new Color(0xCBC2B2), new Color(0xB3A792),
    };

    private final Surface surface;
    private final XYChart chart;
    private boolean equalAspect;
    private boolean colorBar = true;

    /** A contour map of {@code surface} with the given title and axis labels. */
    public SurfaceChart(String title, String xLabel, String yLabel, Surface surface) {
        this(title, xLabel, yLabel, surface, Style.WIDTH - Underlay.BAR_MARGIN, Style.HEIGHT + 40);
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
        this.chart = Underlay.surfaceChart(title, xLabel, yLabel, width, height, surface);
        chart.getStyler().setMarkerSize(4);
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
        Color color = Plots.colorFor(chart, name);
        double[] x = java.util.Arrays.copyOf(xs, n);
        double[] y = java.util.Arrays.copyOf(ys, n);
        XYSeries line = chart.addSeries(name, x, y);
        Plots.paint(line, color);
        line.setMarker(n <= 80 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        line.setLineWidth(1.6f);
        Overlap.distinguish(chart, line);
        marker(name + " start", x[0], y[0], SeriesMarkers.SQUARE, color);
        marker(name + " end", x[n - 1], y[n - 1], SeriesMarkers.DIAMOND, color);
        return this;
    }

    /**
     * Leaves out the colour bar, for small multiples of one surface: show it on one panel per row
     * (the last column, say) instead of on every panel. Returns this.
     */
    public SurfaceChart withoutColorBar() {
        colorBar = false;
        return this;
    }

    /** Marks one point, e.g. the minimum, with a labelled cross in the legend. */
    public SurfaceChart addPoint(String name, double x, double y) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CROSS);
        Plots.paint(s, Palette.REFERENCE);
        s.setLineStyle(SeriesLines.SOLID);
        return this;
    }

    private void marker(String name, double x, double y, org.knowm.xchart.style.markers.Marker m, Color c) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(m);
        Plots.paint(s, c);
        s.setLineStyle(SeriesLines.SOLID);
        s.setShowInLegend(false);
    }

    /**
     * Draws one unit of x as long as one unit of y, so that angles are true: gradient steps are
     * perpendicular to the level sets, and an elongated valley looks as elongated as it is. The
     * plot area shrinks in one direction to keep the figure's size.
     */
    public SurfaceChart equalAspect() {
        this.equalAspect = true;
        return this;
    }

    /** The underlying XChart chart, for further styling. */
    public XYChart chart() {
        return chart;
    }

    BufferedImage render(int width, int height) {
        double lo = surface.min();
        double hi = surface.max();
        double floor = Math.max((hi - lo) * 1e-4, 1e-12);
        double a = Math.log10(floor);
        double b = Math.log10(hi - lo + floor);
        int r = surface.resolution;
        BufferedImage cells = new BufferedImage(r, r, BufferedImage.TYPE_INT_RGB);
        boolean missing = false;
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                double v = surface.values[j * r + i];
                missing |= !Double.isFinite(v);
                Color c = Double.isFinite(v) ? band((Math.log10(v - lo + floor) - a) / (b - a)) : Palette.NOT_FINITE;
                cells.setRGB(i, r - 1 - j, c.getRGB());
            }
        }
        int[] size = equalAspect ? Underlay.equalAspect(chart, width, height, surface) : new int[] {width, height};
        boolean notFinite = missing;
        return Underlay.render(chart, size[0], size[1], cells, surface.xMin, surface.xMax, surface.yMin, surface.yMax,
                !colorBar ? null : (g, x, top, barHeight) -> {
                    int swatch = notFinite ? Underlay.swatch(g, x, top, Palette.NOT_FINITE, "not finite") : 0;
                    colorBar(g, x, top + swatch, barHeight - swatch, a, b);
                });
    }

    /** The colour of the band that fraction {@code u} of the log range falls in. */
    private static Color band(double u) {
        int k = Math.min(BANDS - 1, Math.max(0, (int) Math.floor(u * BANDS)));
        return Underlay.interpolate(RAMP, (k + 0.5) / BANDS);
    }

    /** Colour bar with a tick at each power of ten of {@code loss - min loss} between 10^a and 10^b. */
    private static void colorBar(Graphics2D g, int x, int y, int height, double a, double b) {
        int step = Math.max(1, (int) Math.ceil((b - a) / 6));
        int first = (int) Math.ceil(a);
        int count = first > b ? 0 : ((int) Math.floor(b) - first) / step + 1;
        double[] ticks = new double[count];
        String[] labels = new String[count];
        for (int k = 0; k < count; k++) {
            int e = first + k * step;
            ticks[k] = (e - a) / (b - a);
            labels[k] = Style.decade(Math.pow(10, e));
        }
        Underlay.colorBar(g, x, y, height, SurfaceChart::band, ticks, labels, "loss \u2212 min loss (log scale)");
    }
}
