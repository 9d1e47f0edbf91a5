package gdkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.imageio.ImageIO;

import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import gdkit.train.Run;

/**
 * XChart helpers for the figures every notebook draws: line charts with linear or log axes, loss
 * curves of several runs, and a one-call {@link #show} that turns a chart into an image the
 * notebook displays (a PNG in JupyterLab, nbconvert HTML and on GitHub alike).
 *
 * <p>Non-finite values never crash a chart: a series is drawn up to its last finite value (and, on
 * a log axis, its last positive one), and a run that diverged is marked where it stopped.
 *
 * <p>One visual language for every figure: a series named after a method takes its {@link Palette}
 * colour ({@link #paint} sets one explicitly), a prediction is dashed in its measured curve's colour
 * ({@link #addPrediction}), a second measured curve of the same run is dotted ({@link #dotted}), a
 * series drawn on top of another is dotted so both show, log axes are labelled at decades as 10ᵏ
 * without minor ticks, axes of whole numbers (steps, layers, epochs) get whole-number ticks, titles
 * wrap instead of being cut, and the legend sits below the plot in rows that wrap. The rendered
 * image's text form is the chart's title ({@link Figure}), so executed notebooks are the same on
 * every run.
 */
public final class Plots {
    /** The cross that marks where a cut or diverged curve stops, per curve, so {@link #paint} recolours both. */
    private static final Map<XYSeries, XYSeries> END_MARKS = Collections.synchronizedMap(new WeakHashMap<>());

    private Plots() {
    }

    /** An empty line chart with linear axes. */
    public static XYChart lines(String title, String xLabel, String yLabel) {
        return Style.newChart(title, xLabel, yLabel, Style.WIDTH, Style.HEIGHT);
    }

    /** An empty line chart whose y axis is logarithmic, for values that span decades. */
    public static XYChart logLines(String title, String xLabel, String yLabel) {
        XYChart chart = lines(title, xLabel, yLabel);
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    /**
     * An empty chart with both axes logarithmic, for power laws: {@code y = c x^k} is a straight
     * line of slope {@code k}. Points with a non-positive x or y are cut like non-finite ones.
     */
    public static XYChart logLog(String title, String xLabel, String yLabel) {
        XYChart chart = logLines(title, xLabel, yLabel);
        chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }

    /** Loss against step on a log axis, one curve per run, in the order of the map. */
    public static XYChart lossCurves(String title, Map<String, Run> runs) {
        XYChart chart = logLines(title, "step", "loss (log scale)");
        runs.forEach((name, run) -> addLoss(chart, name, run));
        return chart;
    }

    /**
     * Adds a run's per-step loss to a chart. A diverged run is drawn up to its last finite loss,
     * marked with a cross there, and labelled with the step where it diverged.
     */
    public static XYSeries addLoss(XYChart chart, String name, Run run) {
        double[] loss = run.history().loss();
        return addCurve(chart, name, steps(loss.length), loss, run.diverged() ? run.divergedAt() : -1);
    }

    /** Adds a curve {@code y} against step 0, 1, 2, ... */
    public static XYSeries addLine(XYChart chart, String name, double[] y) {
        return addLine(chart, name, steps(y.length), y);
    }

    /**
     * Adds a curve; points after the first non-finite value (or non-positive value on a log axis)
     * are dropped and the cut is marked with a cross.
     *
     * @return the series; if no point is drawable, an empty series labelled "(nothing to draw)"
     *         (and a note in the chart's title)
     */
    public static XYSeries addLine(XYChart chart, String name, double[] x, double[] y) {
        return addCurve(chart, name, x, y, -1);
    }

    /**
     * A line chart for values that span more decades than a log axis can label legibly (say 10^-20
     * to 10^20): the y axis holds {@code log10} of the value, from {@code lowExponent} to
     * {@code highExponent}, labelled as powers of ten. Add curves with {@link #addDecadeLine}; a
     * curve that leaves the frame has exploded or vanished.
     */
    public static XYChart decadeLines(String title, String xLabel, String yLabel, int lowExponent, int highExponent) {
        if (lowExponent >= highExponent) {
            throw new IllegalArgumentException("lowExponent must be below highExponent, got " + lowExponent + " and "
                    + highExponent);
        }
        XYChart chart = lines(title, xLabel, yLabel);
        chart.getStyler().setYAxisMin((double) lowExponent).setYAxisMax((double) highExponent);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(
                e -> Math.abs(e - Math.rint(e)) < 1e-9 ? Style.decade(Math.pow(10, Math.rint(e))) : "");
        return chart;
    }

    /** Adds {@code log10(values)} to a {@link #decadeLines} chart; the curve ends at the first value that is not positive. */
    public static XYSeries addDecadeLine(XYChart chart, String name, double[] x, double[] values) {
        double[] exponents = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            exponents[i] = Math.log10(values[i]);
        }
        return addLine(chart, name, x, exponents);
    }

    /**
     * Adds every {@code k}-th value of {@code y} against its index (0, k, 2k, ...) and the last one,
     * as a line: a run of 20,000 steps drawn with a few hundred points. {@code k = 1} adds them all.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static XYSeries addEvery(XYChart chart, String name, double[] y, int k) {
        double[][] xy = every(y, k);
        return addLine(chart, name, xy[0], xy[1]);
    }

    /** The points of {@link #addEvery} as markers without a connecting line. */
    public static XYSeries addPointsEvery(XYChart chart, String name, double[] y, int k) {
        double[][] xy = every(y, k);
        return addPoints(chart, name, xy[0], xy[1]);
    }

    /** {x, y}: every k-th index of y and its value, and the last index. */
    private static double[][] every(double[] y, int k) {
        gdkit.util.Args.atLeast("k", k, 1);
        if (y.length == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        int count = (y.length - 1) / k + 1;
        boolean lastIncluded = (y.length - 1) % k == 0;
        double[] xs = new double[lastIncluded ? count : count + 1];
        double[] ys = new double[xs.length];
        for (int i = 0; i < count; i++) {
            xs[i] = (double) i * k;
            ys[i] = y[i * k];
        }
        if (!lastIncluded) {
            xs[count] = y.length - 1;
            ys[count] = y[y.length - 1];
        }
        return new double[][] {xs, ys};
    }

    /** Adds points without a connecting line. */
    public static XYSeries addPoints(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = addCurve(chart, name, x, y, -1);
        if (s != null) {
            s.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return s;
    }

    private static XYSeries addCurve(XYChart chart, String name, double[] x, double[] y, int divergedAt) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has " + y.length);
        }
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        // on a log x axis, leading points at x <= 0 (step 0, say) cannot be drawn: start after them
        int first = 0;
        while (logX && first < x.length && x[first] <= 0 && Double.isFinite(y[first])) {
            first++;
        }
        x = Arrays.copyOfRange(x, first, x.length);
        y = Arrays.copyOfRange(y, first, y.length);
        int n = drawablePrefix(x, y, logX, logY);
        boolean cut = n < y.length;
        String label = first == 0 ? name : name + " (from point " + first + ": x <= 0 is off a log axis)";
        if (divergedAt >= 0) {
            label = name + " (diverged at step " + divergedAt + ")";
        } else if (cut) {
            boolean finite = Double.isFinite(x[n]) && Double.isFinite(y[n]);
            label += finite ? " (not positive after point " + (first + n) + ", log axis)"
                    : " (not finite after point " + (first + n) + ")";
        }
        if (n == 0) {
            chart.setTitle(chart.getTitle() + " [" + name + ": nothing finite to draw]");
            // A series whose only point is a gap: the legend says why nothing is drawn, and the
            // caller's addLine(...).setMarker(...) still works.
            XYSeries empty = chart.addSeries(name + " (nothing to draw)", new double[] {Double.NaN}, new double[] {Double.NaN});
            empty.setMarker(SeriesMarkers.NONE);
            paint(empty, Palette.NOT_FINITE);
            empty.setLineStyle(SeriesLines.SOLID);
            return empty;
        }
        Color color = colorFor(chart, name);
        XYSeries s = chart.addSeries(label, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        // markers show the points of a short series; a two-point line is a line, not two data points
        s.setMarker(n >= 3 && n <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        paint(s, color);
        s.setLineStyle(SeriesLines.SOLID);
        Overlap.distinguish(chart, s);
        if (cut || divergedAt >= 0) {
            XYSeries end = chart.addSeries(label + " \u2715", new double[] {x[n - 1]}, new double[] {y[n - 1]});
            end.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            end.setMarker(SeriesMarkers.CROSS);
            paint(end, color);
            end.setShowInLegend(false);
            END_MARKS.put(s, end);
        }
        return s;
    }

    /**
     * The colour for a new series: the palette colour of the name it starts with ({@link Palette#find}),
     * unless another series of the chart already has it; else the first palette colour not yet used.
     */
    static Color colorFor(XYChart chart, String name) {
        java.util.Set<Color> used = new java.util.HashSet<>();
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.getLineColor() != null) {
                used.add(s.getLineColor());
            }
        }
        java.util.Optional<Color> named = Palette.find(name);
        if (named.isPresent() && !used.contains(named.get())) {
            return named.get();
        }
        for (int i = 0; i < Palette.cycleLength(); i++) {
            if (!used.contains(Palette.cycle(i))) {
                return Palette.cycle(i);
            }
        }
        return Palette.cycle(chart.getSeriesCollection().size());
    }

    /**
     * Gives a series a colour (line and markers), e.g. {@code Plots.paint(Plots.addLine(chart, "ours", y), Palette.ADAM)};
     * the cross that marks where a cut or diverged curve stops takes the same colour.
     *
     * @return the series, for chaining (null stays null)
     */
    public static XYSeries paint(XYSeries series, Color color) {
        if (series != null) {
            series.setLineColor(color);
            series.setMarkerColor(color);
            series.setFillColor(color);
            XYSeries end = END_MARKS.get(series);
            if (end != null) {
                paint(end, color);
            }
        }
        return series;
    }

    /**
     * Draws a series dotted, keeping its colour and markers: a second measured curve of the same
     * method or run (a variant, the training-set curve beside the validation curve). Dashed is
     * kept for predictions and references ({@link #dashed}, {@link #addPrediction}).
     */
    public static XYSeries dotted(XYSeries series) {
        if (series != null) {
            series.setLineStyle(Overlap.dots(0));
        }
        return series;
    }

    /** Draws a series dashed and without markers, e.g. a prediction or a reference line. */
    public static XYSeries dashed(XYSeries series) {
        if (series != null) {
            series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f));
            series.setMarker(SeriesMarkers.NONE);
        }
        return series;
    }

    /**
     * Adds a prediction for a measured series: dashed, without markers, in the measured series' colour,
     * so the pair reads as one. {@code measured} may be null (its run had nothing finite): then black.
     */
    public static XYSeries addPrediction(XYChart chart, String name, double[] x, double[] y, XYSeries measured) {
        XYSeries s = addCurve(chart, name, x, y, -1);
        paint(s, measured != null && measured.getLineColor() != null ? measured.getLineColor() : Palette.REFERENCE);
        return dashed(s);
    }

    /** A prediction against step 0, 1, 2, ... (see {@link #addPrediction(XYChart, String, double[], double[], XYSeries)}). */
    public static XYSeries addPrediction(XYChart chart, String name, double[] y, XYSeries measured) {
        return addPrediction(chart, name, steps(y.length), y, measured);
    }

    /**
     * Adds a reference line (a theory, a bound, the best possible value) in black, dashed, so it is
     * told apart from measured curves at a glance.
     */
    public static XYSeries addReference(XYChart chart, String name, double[] x, double[] y) {
        return dashed(paint(addCurve(chart, name, x, y, -1), Palette.REFERENCE));
    }

    /** Number of leading points that can be drawn: finite, and positive on a log axis. */
    static int drawablePrefix(double[] x, double[] y, boolean logX, boolean logY) {
        int n = 0;
        while (n < y.length && ok(x[n], logX) && ok(y[n], logY)) {
            n++;
        }
        return n;
    }

    private static boolean ok(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static double[] steps(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
        }
        return s;
    }

    /**
     * Renders a chart as an image for the notebook to display (return it as a cell's last
     * expression, or pass it to {@code display}): the title above, wrapped if long; the legend below,
     * in rows that wrap. Rendered at twice the chart's size, so it stays sharp in the HTML report.
     * The image's text form is the title (see {@link Figure}).
     *
     * <p>Rendering leaves the chart as it was: the settings it needs for the frame (round ticks,
     * the legend drawn by gdkit) are set for the paint and restored after it, and every series is
     * fully styled when it is added, so XChart has no defaults to fill in. A chart can be rendered
     * again, or changed and rendered again. One thread at a time per chart.
     */
    public static BufferedImage show(Chart<?, ?> chart) {
        return show(chart, chart.getWidth(), chart.getHeight());
    }

    /** Renders a chart laid out at {@code width x height}, with round ticks on evenly spaced x values. */
    private static BufferedImage show(Chart<?, ?> chart, int width, int height) {
        if (!(chart instanceof XYChart)) {
            Figure image = new Figure(width * Style.SCALE, height * Style.SCALE, chart.getTitle());
            Graphics2D g = Underlay.prepare(image, Style.SCALE);
            try {
                chart.paint(g, width, height);
            } finally {
                g.dispose();
            }
            return image;
        }
        XYChart xy = (XYChart) chart;
        return withRoundTicks(xy, () -> Frame.paint(xy, width, height,
                legend -> Frame.render(xy, legend, width, height, g -> xy.paint(g, width, height))));
    }

    /** Runs {@code paint} with an x axis that XChart labels at round numbers, then restores the axis. */
    private static <T> T withRoundTicks(XYChart xy, java.util.function.Supplier<T> paint) {
        Double xMin = xy.getStyler().getXAxisMin();
        boolean roundTicks = xMin == null && !xy.getStyler().isXAxisLogarithmic();
        if (roundTicks) {
            // XChart puts ticks on the data points of evenly spaced x values (0, 11, 22, ...), and
            // finds them by formatting every n-th value for n = 1, 2, 3, ... until the labels fit, which
            // takes seconds for a curve of thousands of steps; an axis that starts a hair below the data
            // makes it choose round numbers instead, directly.
            xy.getStyler().setXAxisMin(smallestX(xy) - 1e-9);
        }
        try {
            return paint.get();
        } finally {
            if (roundTicks) {
                xy.getStyler().setXAxisMin(xMin);
            }
        }
    }

    private static double smallestX(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : s.getXData()) {
                lo = Math.min(lo, v);
            }
        }
        return Double.isFinite(lo) ? lo : 0;
    }

    /**
     * Renders a chart as one panel of a {@link #grid}: laid out at a smaller size with the same
     * font sizes, so that two panels side by side read like one full-size figure.
     */
    public static BufferedImage panel(Chart<?, ?> chart) {
        int w = chart.getWidth();
        int h = chart.getHeight();
        BufferedImage image = show(chart, Style.PANEL_WIDTH, Style.PANEL_HEIGHT);
        // XChart keeps the size it last painted at; paint once more, off-screen, at the chart's own
        // size, the way show() paints it (XChart's layout at that size is all that is kept)
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            if (chart instanceof XYChart) {
                XYChart xy = (XYChart) chart;
                withRoundTicks(xy, () -> Frame.paint(xy, w, h, legend -> {
                    xy.paint(g, w, h);
                    return null;
                }));
            } else {
                chart.paint(g, w, h);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A loss surface as one panel of a {@link #grid} (see {@link #panel(Chart)}). */
    public static BufferedImage panel(SurfaceChart chart) {
        return chart.render(Style.PANEL_WIDTH - Underlay.BAR_MARGIN, Style.PANEL_HEIGHT + 40);
    }

    /** A heat map of a surface as one panel of a {@link #grid} (see {@link #panel(Chart)}). */
    public static BufferedImage panel(SurfaceHeatMap map) {
        return map.render(Style.PANEL_WIDTH - Underlay.BAR_MARGIN, Style.PANEL_HEIGHT + 40);
    }

    /** Renders a loss surface with its paths (see {@link SurfaceChart}). */
    public static BufferedImage show(SurfaceChart chart) {
        return chart.render(chart.chart().getWidth(), chart.chart().getHeight());
    }

    /** Renders a heat map with its marks (see {@link SurfaceHeatMap}). */
    public static BufferedImage show(SurfaceHeatMap map) {
        return map.render(map.chart().getWidth(), map.chart().getHeight());
    }

    /**
     * Places images side by side in a grid with {@code columns} columns (small multiples): each
     * column as wide as its widest image, each row as high as its highest. Its text form is the
     * panels' titles.
     */
    public static BufferedImage grid(int columns, BufferedImage... images) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("grid needs at least one image");
        }
        int used = Math.min(columns, images.length);
        int rows = (images.length + columns - 1) / columns;
        int[] x = new int[used + 1];           // column k spans [x[k], x[k + 1]): as wide as its widest image
        int[] y = new int[rows + 1];
        for (int i = 0; i < images.length; i++) {
            x[i % columns + 1] = Math.max(x[i % columns + 1], images[i].getWidth());
            y[i / columns + 1] = Math.max(y[i / columns + 1], images[i].getHeight());
        }
        for (int k = 1; k <= used; k++) {
            x[k] += x[k - 1];
        }
        for (int k = 1; k <= rows; k++) {
            y[k] += y[k - 1];
        }
        java.util.StringJoiner titles = new java.util.StringJoiner(" | ");
        for (BufferedImage im : images) {
            titles.add(im instanceof Figure ? ((Figure) im).title() : "image");
        }
        Figure out = new Figure(x[used], y[rows], titles.toString());
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.length; i++) {
            g.drawImage(images[i], x[i % columns], y[i / columns], null);
        }
        g.dispose();
        return out;
    }

    /** Writes a chart as a PNG file (at the same resolution as {@link #show}). */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        return writePng(show(chart), file);
    }

    /** Writes an image (e.g. from {@link #show}) as a PNG file. */
    public static Path writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer available");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a chart as an SVG file (vector graphics, crisp at any size). */
    public static Path saveSvg(Chart<?, ?> chart, Path file) {
        try {
            String name = file.toString();
            String base = name.endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
            VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return Path.of(base + ".svg");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
