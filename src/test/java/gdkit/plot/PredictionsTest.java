package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;

class PredictionsTest {
    @Test
    void aPredictionIsDashedInTheColourItsMeasurementIsPaintedIn() {
        XYChart chart = Plots.lines("t", "x", "y");
        Plots.addLine(chart, "first", new double[] {1, 2, 3});
        XYSeries second = Plots.addLine(chart, "second", new double[] {3, 2, 1});
        XYSeries p = Predictions.add(chart, "prediction", new double[] {0, 1, 2}, new double[] {3, 2, 1}, second);
        Plots.show(chart);
        assertEquals(second.getLineColor(), p.getLineColor());
        assertEquals(SeriesLines.DASH_DASH, p.getLineStyle());
    }

    @Test
    void aSeriesFromAnotherChartIsRefused() {
        XYChart a = Plots.lines("a", "x", "y");
        XYSeries s = Plots.addLine(Plots.lines("b", "x", "y"), "s", new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> Predictions.add(a, "p", new double[] {0}, new double[] {1}, s));
    }
}
