package gdkit.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Tick labels of one axis of a gdkit chart, decided when the chart is drawn (so they follow series
 * and axis settings added later, such as {@code setXAxisLogarithmic(true)}):
 * <ul>
 * <li>a logarithmic axis that spans two decades or more is labelled at decades only, all as
 * {@code 10ᵏ} (every second or third decade when there are many); a shorter one at 1, 2 and 5
 * times a power of ten, as plain numbers;
 * <li>an axis whose data are all whole numbers (steps, layers, epochs, counts) gets whole-number
 * ticks only;
 * <li>any other axis gets plain numbers without floating-point noise.
 * </ul>
 */
final class AxisLabels implements Function<Double, String> {
    private final XYChart chart;
    private final boolean xAxis;
    private final boolean integers;
    /** The data facts the labels depend on, fixed while a chart is painted; null outside a paint. */
    private Facts facts;

    /** What the labels read from the series: XChart asks for hundreds of labels per paint, so they are read once. */
    private record Facts(double[] positiveRange, boolean allIntegers) {
    }

    private AxisLabels(XYChart chart, boolean xAxis, boolean integers) {
        this.chart = chart;
        this.xAxis = xAxis;
        this.integers = integers;
    }

    /** Labels for the x axis ({@code xAxis}) or the y axis of {@code chart}. */
    static AxisLabels of(XYChart chart, boolean xAxis) {
        return new AxisLabels(chart, xAxis, false);
    }

    /** Whole-number labels whatever the data, e.g. for the rows and columns of a heat map. */
    static AxisLabels integers(XYChart chart, boolean xAxis) {
        return new AxisLabels(chart, xAxis, true);
    }

    /** Reads the series once for the paint that is about to start; {@link #afterPaint()} forgets them. */
    void beforePaint() {
        facts = new Facts(scanPositiveRange(), scanAllIntegers());
    }

    /** Forgets what {@link #beforePaint()} read, so labels follow series added or changed later. */
    void afterPaint() {
        facts = null;
    }

    @Override
    public String apply(Double value) {
        double v = value;
        XYStyler s = chart.getStyler();
        if (xAxis ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic()) {
            return log(v);
        }
        if (integral()) {
            // Frame makes XChart space the ticks of such an axis by at least 1, at whole numbers
            return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : number(v);
        }
        String pattern = xAxis ? s.getXAxisDecimalPattern() : s.getYAxisDecimalPattern();
        if (pattern != null) {
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        }
        return number(v);
    }

    private String log(double v) {
        if (!(v > 0)) {
            return "";
        }
        double[] range = positiveRange();
        double decades = range[1] > range[0] ? Math.log10(range[1] / range[0]) : 0;
        double exponent = Math.log10(v);
        long e = Math.round(exponent);
        boolean decade = Math.abs(exponent - e) < 1e-9;
        if (decades >= 2) {
            int every = niceStep(decades / 8);
            return decade && Math.floorMod(e, every) == 0 ? Style.decade(Math.pow(10, e)) : "";
        }
        double mantissa = v / Math.pow(10, Math.floor(exponent + 1e-9));
        boolean shown = Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6
                || decades < 0.7 && Math.abs(mantissa - Math.rint(mantissa)) < 1e-6;
        return shown ? number(v) : "";
    }

    /** The smallest of 1, 2, 3, 5, 10, 20, 25, 50, 100, ... decades that is at least {@code minimum}. */
    static int niceStep(double minimum) {
        for (int scale = 1;; scale *= 10) {
            for (int m : new int[] {1, 2, 3, 5}) {
                if (scale == 1 || m != 3) {
                    if (m * scale >= minimum) {
                        return m * scale;
                    }
                }
            }
            if (scale > 1 && 25 * scale / 10 >= minimum) {
                return 25 * scale / 10;
            }
        }
    }

    /** Smallest and largest positive finite data value on this axis, within the axis limits set on the chart. */
    private double[] positiveRange() {
        return facts != null ? facts.positiveRange() : scanPositiveRange();
    }

    private double[] scanPositiveRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        XYStyler s = chart.getStyler();
        Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
        Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
        if (max != null && max > 0) {
            hi = max;
        }
        if (min != null && min > 0) {
            lo = min;
        }
        return new double[] {lo, hi};
    }

    /** Whether this axis is labelled with whole numbers only: asked for, or all its data are whole numbers. */
    boolean integral() {
        XYStyler s = chart.getStyler();
        if (xAxis ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic()) {
            return false;
        }
        return integers || allIntegers();
    }

    /** The span of this axis' data (or of its limits set on the chart). */
    double span() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        XYStyler s = chart.getStyler();
        Double min = xAxis ? s.getXAxisMin() : s.getYAxisMin();
        Double max = xAxis ? s.getXAxisMax() : s.getYAxisMax();
        lo = min != null ? min : lo;
        hi = max != null ? max : hi;
        return hi > lo ? hi - lo : 0;
    }

    private boolean allIntegers() {
        return facts != null ? facts.allIntegers() : scanAllIntegers();
    }

    private boolean scanAllIntegers() {
        boolean any = false;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double v : xAxis ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    if (v != Math.rint(v)) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** A plain number with at most 6 significant digits and no trailing zeros: 0.3, 1500, 2.5e-07. */
    static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : "";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return d.toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
