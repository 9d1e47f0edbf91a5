package gdkit.plot;

import java.awt.Color;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Predictions drawn next to what they predict: a dashed line without markers, in the colour of the
 * measured series, so a reader pairs each prediction with its measurement at a glance.
 */
public final class Predictions {
    private Predictions() {
    }

    /**
     * Adds {@code y} against {@code x} as a dashed line in the colour of {@code measured} (a series
     * already on {@code chart}); non-finite points are cut as in {@link Plots#addLine}.
     *
     * @return the prediction's series, or null if it had no drawable point
     */
    public static XYSeries add(XYChart chart, String name, double[] x, double[] y, XYSeries measured) {
        Color color = colorOf(chart, measured);
        XYSeries s = Plots.addLine(chart, name, x, y);
        if (s != null) {
            s.setLineStyle(SeriesLines.DASH_DASH);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setLineWidth(1.6f);
        }
        return s;
    }

    /** The colour XChart will paint {@code series} in: its own, or the palette's at its position. */
    static Color colorOf(XYChart chart, XYSeries series) {
        if (series == null) {
            throw new IllegalArgumentException("the measured series is null (it had nothing to draw)");
        }
        if (series.getLineColor() != null) {
            return (Color) series.getLineColor();
        }
        int i = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s == series) {
                Color[] palette = (Color[]) chart.getStyler().getSeriesColors();
                return palette[i % palette.length];
            }
            i++;
        }
        throw new IllegalArgumentException("series '" + series.getName() + "' is not on this chart");
    }
}
