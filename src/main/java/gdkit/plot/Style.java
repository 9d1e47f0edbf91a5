package gdkit.plot;

import java.awt.Color;
import java.awt.Font;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The look shared by every gdkit figure: sizes, fonts, axis labels; colours come from {@link Palette}. */
final class Style {
    /** Nominal size of a figure's chart area; the title above and the legend below add to the height. */
    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    /** Figures are rendered at twice their nominal size so they stay sharp on high-density screens. */
    static final int SCALE = 2;
    /** Nominal size of one panel of a grid: two side by side are about as wide as one figure. */
    static final int PANEL_WIDTH = 520;
    static final int PANEL_HEIGHT = 340;

    private Style() {
    }

    /** Decade tick labels for log axes, all in one style: 10⁻², 10⁻¹, 10⁰, 10¹, 10⁴; other values as plain numbers. */
    static String decade(double v) {
        if (!(v > 0)) {
            return "";
        }
        int e = (int) Math.round(Math.log10(v));
        if (Math.abs(v / Math.pow(10, e) - 1) > 1e-6) {
            return AxisLabels.number(v);
        }
        StringBuilder sb = new StringBuilder("10");
        for (char c : Integer.toString(e).toCharArray()) {
            sb.append(c == '-' ? '\u207B' : "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079".charAt(c - '0'));
        }
        return sb.toString();
    }

    static XYChart newChart(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(Text.plain(xLabel));
        chart.setYAxisTitle(Text.plain(yLabel));
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setPlotGridLinesStroke(new java.awt.BasicStroke(0.6f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(Frame.TITLE_FONT);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(Frame.LEGEND_FONT);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        // tick marks would show every 2..9 x 10^k of a log axis as a dense band; grid lines and labels suffice
        s.setAxisTicksMarksVisible(false);
        s.setPlotTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setXAxisLogarithmicDecadeOnly(false);
        s.setYAxisLogarithmicDecadeOnly(false);
        s.setXAxisTickLabelsFormattingFunction(AxisLabels.of(chart, true));
        s.setYAxisTickLabelsFormattingFunction(AxisLabels.of(chart, false));
        s.setXAxisTickMarkSpacingHint(90);
        s.setSeriesColors(new Color[] {Palette.cycle(0), Palette.cycle(1), Palette.cycle(2), Palette.cycle(3),
            Palette.cycle(4), Palette.cycle(5), Palette.cycle(6), Palette.cycle(7)});
        s.setMarkerSize(5);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        return chart;
    }
}
