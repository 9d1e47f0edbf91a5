package gdkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.None;

/**
 * Lays out a figure: the title (wrapped, never cut) above the chart, the chart itself, and the
 * legend below it, its entries flowing in rows that wrap (never cut, never over the data). The
 * chart keeps its full height for the plot; the image grows by the height of the title and legend.
 *
 * <p>XChart's own title and legend are switched off while the chart paints and switched back on
 * afterwards, as are the other drawing-time settings (see {@link #paint}), so the chart is left as
 * it was.
 */
final class Frame {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int PAD = 12;
    private static final int SAMPLE = 28;
    private static final int ENTRY_GAP = 18;
    private static final int ROW_GAP = 4;

    private Frame() {
    }

    /** What goes into the chart's area, painted with the chart's own title and legend switched off. */
    @FunctionalInterface
    interface Body {
        void paint(Graphics2D g);
    }

    /** Paints a chart's body at the origin of {@code g}; the layout pass for {@link Underlay} calls it too. */
    static void paintChart(XYChart chart, Graphics2D g, int w, int h) {
        chart.paint(g, w, h);
    }

    /**
     * Renders {@code title}, then {@code body} in a {@code bodyWidth x bodyHeight} area, then the
     * legend of {@code chart}'s series, into an image {@code width} wide (nominal points, drawn at
     * {@link Style#SCALE}).
     */
    static Figure render(XYChart chart, boolean legend, int width, int bodyHeight, Body body) {
        String title = Text.plain(chart.getTitle());
        List<String> titleLines = wrap(title, TITLE_FONT, width - 2 * PAD);
        FontMetrics tm = metrics(TITLE_FONT);
        int titleHeight = title == null || title.isBlank() ? PAD : PAD + titleLines.size() * tm.getHeight() + 4;
        List<Entry> entries = legend ? entries(chart) : List.of();
        List<List<Placed>> rows = layout(entries, width - 2 * PAD);
        FontMetrics lm = metrics(LEGEND_FONT);
        int rowHeight = Math.max(lm.getHeight(), 14) + ROW_GAP;
        int legendHeight = rows.isEmpty() ? 0 : 6 + rows.stream().mapToInt(r -> rowHeight * r.get(0).lines.size()).sum() + PAD;

        int height = titleHeight + bodyHeight + legendHeight;
        Figure image = new Figure(width * Style.SCALE, height * Style.SCALE, title);
        Graphics2D g = Underlay.prepare(image, Style.SCALE);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            int y = PAD + tm.getAscent();
            for (String line : titleLines) {
                g.drawString(line, (width - tm.stringWidth(line)) / 2, y);
                y += tm.getHeight();
            }
            Graphics2D b = (Graphics2D) g.create();
            b.translate(0, titleHeight);
            body.paint(b);
            b.dispose();
            paintLegend(g, rows, titleHeight + bodyHeight + 6, rowHeight, lm, width);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Runs {@code action} with the chart's title and legend switched off (they are drawn by this
     * class) and no grid lines along log axes, then restores them; {@code action} is told whether
     * the chart's legend was on. The chart is about to be painted at {@code width x height}.
     */
    static <T> T paint(XYChart chart, int width, int height, java.util.function.Function<Boolean, T> action) {
        XYStyler s = chart.getStyler();
        boolean titleVisible = s.isChartTitleVisible();
        boolean legendVisible = s.isLegendVisible();
        boolean horizontal = s.isPlotGridHorizontalLinesVisible();
        boolean vertical = s.isPlotGridVerticalLinesVisible();
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        // a log axis has a tick for every 2..9 x 10^k; its grid lines would form a dense grey band
        s.setPlotGridHorizontalLinesVisible(horizontal && !s.isYAxisLogarithmic());
        s.setPlotGridVerticalLinesVisible(vertical && !s.isXAxisLogarithmic());
        // ticks of a whole-number axis at least 1 apart: XChart picks steps of about this many pixels
        int xHint = s.getXAxisTickMarkSpacingHint();
        int yHint = s.getYAxisTickMarkSpacingHint();
        // XChart draws no ticks at all on an axis shorter than the hint (the x hint counts for a log y axis too)
        int cap = (int) (0.55 * Math.min(width, height));
        AxisLabels x = gdkitLabels(s.getXAxisTickLabelsFormattingFunction());
        AxisLabels y = gdkitLabels(s.getYAxisTickLabelsFormattingFunction());
        if (x != null && x.integral() && x.span() > 0) {
            s.setXAxisTickMarkSpacingHint(Math.max(xHint, Math.min(cap, (int) Math.ceil(0.9 * width / x.span()))));
        }
        if (y != null && y.integral() && y.span() > 0) {
            s.setYAxisTickMarkSpacingHint(Math.max(yHint, Math.min(cap, (int) Math.ceil(0.85 * height / y.span()))));
        }
        // a log axis with a formatter of the notebook's own is labelled at decades only, as XChart does by default
        boolean xDecades = s.isXAxisLogarithmicDecadeOnly();
        boolean yDecades = s.isYAxisLogarithmicDecadeOnly();
        s.setXAxisLogarithmicDecadeOnly(xDecades || x == null);
        s.setYAxisLogarithmicDecadeOnly(yDecades || y == null);
        // XChart dashes each segment anew, so a dense dashed line would look solid; one smooth path keeps the dashes
        List<XYSeries> smoothed = new ArrayList<>();
        for (XYSeries series : chart.getSeriesCollection()) {
            BasicStroke stroke = series.getLineStyle();
            if (stroke != null && stroke.getDashArray() != null && series.getXData().length > 60 && !series.isSmooth()) {
                series.setSmooth(true);
                smoothed.add(series);
            }
        }
        List<AxisLabels> labels = new ArrayList<>();
        if (x != null) {
            labels.add(x);
        }
        if (y != null) {
            labels.add(y);
        }
        labels.forEach(AxisLabels::beforePaint);
        try {
            return action.apply(legendVisible);
        } finally {
            labels.forEach(AxisLabels::afterPaint);
            smoothed.forEach(series -> series.setSmooth(false));
            s.setXAxisLogarithmicDecadeOnly(xDecades);
            s.setYAxisLogarithmicDecadeOnly(yDecades);
            s.setXAxisTickMarkSpacingHint(xHint);
            s.setYAxisTickMarkSpacingHint(yHint);
            s.setChartTitleVisible(titleVisible);
            s.setLegendVisible(legendVisible);
            s.setPlotGridHorizontalLinesVisible(horizontal);
            s.setPlotGridVerticalLinesVisible(vertical);
        }
    }

    /** The formatter if it is gdkit's own axis labels, null if the notebook set one of its own. */
    private static AxisLabels gdkitLabels(java.util.function.Function<Double, String> formatter) {
        return formatter instanceof AxisLabels ? (AxisLabels) formatter : null;
    }

    /** One legend entry: the series' look and its label. */
    private static final class Entry {
        final String label;
        final Color line;
        final BasicStroke stroke;
        final Marker marker;
        final Color markerColor;
        final Color fill;
        final boolean drawLine;

        Entry(XYSeries s) {
            this.label = Text.plain(s.getLabel() != null ? s.getLabel() : s.getName());
            this.line = s.getLineColor() != null ? s.getLineColor() : Color.BLACK;
            this.stroke = s.getLineStyle() != null ? s.getLineStyle() : new BasicStroke(2f);
            this.marker = s.getMarker();
            this.markerColor = s.getMarkerColor() != null ? s.getMarkerColor() : line;
            XYSeries.XYSeriesRenderStyle style = s.getXYSeriesRenderStyle().orElse(XYSeries.XYSeriesRenderStyle.Line);
            this.fill = style == XYSeries.XYSeriesRenderStyle.Area || style == XYSeries.XYSeriesRenderStyle.StepArea
                    ? s.getFillColor() : null;
            this.drawLine = style != XYSeries.XYSeriesRenderStyle.Scatter;
        }
    }

    private static final class Placed {
        final Entry entry;
        final List<String> lines;
        final int x;
        final int width;

        Placed(Entry entry, List<String> lines, int x, int width) {
            this.entry = entry;
            this.lines = lines;
            this.x = x;
            this.width = width;
        }
    }

    private static List<Entry> entries(XYChart chart) {
        List<Entry> out = new ArrayList<>();
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.isShowInLegend() && s.isEnabled()) {
                out.add(new Entry(s));
            }
        }
        return out;
    }

    /** Places entries left to right in rows of at most {@code width}; an entry wider than a row wraps its text. */
    private static List<List<Placed>> layout(List<Entry> entries, int width) {
        FontMetrics fm = metrics(LEGEND_FONT);
        List<List<Placed>> rows = new ArrayList<>();
        List<Placed> row = new ArrayList<>();
        int x = 0;
        for (Entry e : entries) {
            List<String> lines = wrap(e.label, LEGEND_FONT, width - SAMPLE - 6);
            int w = SAMPLE + 6 + lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
            if (!row.isEmpty() && (x + w > width || lines.size() > 1 || row.get(0).lines.size() > 1)) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(new Placed(e, lines, x, w));
            x += w + ENTRY_GAP;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static void paintLegend(Graphics2D g, List<List<Placed>> rows, int top, int rowHeight, FontMetrics fm,
            int width) {
        g.setFont(LEGEND_FONT);
        int y = top;
        for (List<Placed> row : rows) {
            int total = row.get(row.size() - 1).x + row.get(row.size() - 1).width;
            int offset = Math.max(PAD, (width - total) / 2);
            for (Placed p : row) {
                int cx = offset + p.x;
                int cy = y + rowHeight / 2 - 1;
                Entry e = p.entry;
                Graphics2D s = (Graphics2D) g.create();
                if (e.fill != null) {
                    s.setColor(e.fill);
                    s.fillRect(cx, cy - 5, SAMPLE, 10);
                }
                if (e.drawLine) {
                    s.setColor(e.line);
                    s.setStroke(e.stroke);
                    s.drawLine(cx, cy, cx + SAMPLE, cy);
                }
                if (e.marker != null && !(e.marker instanceof None)) {
                    s.setColor(e.markerColor);
                    s.setStroke(new BasicStroke(1f));
                    e.marker.paint(s, cx + SAMPLE / 2.0, cy, 7);
                }
                s.dispose();
                g.setColor(Color.BLACK);
                int ty = y + fm.getAscent();
                for (String line : p.lines) {
                    g.drawString(line, cx + SAMPLE + 6, ty);
                    ty += rowHeight;
                }
            }
            y += rowHeight * row.get(0).lines.size();
        }
    }

    /** Splits text at spaces into lines no wider than {@code width}; a single word wider than that keeps its own line. */
    static List<String> wrap(String text, Font font, int width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        FontMetrics fm = metrics(font);
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
