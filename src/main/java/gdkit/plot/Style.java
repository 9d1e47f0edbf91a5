package gdkit.plot;

import java.awt.Color;
import java.awt.Font;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The look shared by every gdkit figure: sizes, fonts and a colour-blind-friendly palette. */
final class Style {
    static final int WIDTH = 760;
    static final int HEIGHT = 500;
    /** Figures are rendered at twice their nominal size so they stay sharp on high-density screens. */
    static final int SCALE = 2;
    /** Nominal size of one panel of a grid: two side by side are about as wide as one figure. */
    static final int PANEL_WIDTH = 520;
    static final int PANEL_HEIGHT = 400;

    /** Okabe-Ito colours (colour-blind safe), then a few extras. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
        new Color(0x882255), new Color(0x44AA99),
    };

    private Style() {
    }

    /** Decade tick labels for log axes: 0.01, 0.1, 1, 10, 100, then 10⁴, 10⁻⁵ and so on. */
    static String decade(double v) {
        if (!(v > 0)) {
            return "";
        }
        int e = (int) Math.round(Math.log10(v));
        if (Math.abs(v / Math.pow(10, e) - 1) > 1e-6) {
            return String.format(java.util.Locale.ROOT, "%.2g", v);
        }
        if (e >= -2 && e <= 3) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
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
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xEEEEEE));
        s.setPlotGridLinesStroke(new java.awt.BasicStroke(0.6f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setXAxisTickMarkSpacingHint(90);
        s.setSeriesColors(PALETTE);
        s.setMarkerSize(5);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        return chart;
    }
}
