package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class FigureStyleTest {
    private static double[] decay(double rate, int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = Math.pow(rate, t);
        }
        return y;
    }

    @Test
    void aFiguresTextIsItsTitleSoSavedNotebooksDoNotChange() {
        XYChart chart = Plots.lines("Loss per step", "step", "loss");
        Plots.addLine(chart, "a", new double[] {3, 2, 1});
        BufferedImage image = Plots.show(chart);
        assertEquals("Figure: Loss per step", image.toString());
        assertEquals("Figure: Loss per step | Loss per step",
                Plots.grid(2, Plots.panel(chart), Plots.panel(chart)).toString());
    }

    @Test
    void namedSeriesGetThePaletteColourAndNoTwoSeriesShareOne() {
        XYChart chart = Plots.logLines("t", "step", "loss");
        XYSeries adam = Plots.addLine(chart, "Adam, η = 0.01", decay(0.9, 50));
        XYSeries adam2 = Plots.addLine(chart, "Adam, η = 0.1", decay(0.5, 50));
        XYSeries other = Plots.addLine(chart, "something else", decay(0.7, 50));
        assertEquals(Palette.ADAM, adam.getLineColor());
        assertTrue(adam2.getLineColor() != Palette.ADAM && other.getLineColor() != adam2.getLineColor());
    }

    @Test
    void aPredictionIsDashedInItsMeasuredCurvesColour() {
        XYChart chart = Plots.logLines("t", "step", "distance");
        XYSeries measured = Plots.paint(Plots.addLine(chart, "heavy ball", decay(0.8, 100)), Palette.MOMENTUM);
        XYSeries predicted = Plots.addPrediction(chart, "predicted 0.8^t", decay(0.8, 100), measured);
        assertEquals(Palette.MOMENTUM, predicted.getLineColor());
        assertNotNull(predicted.getLineStyle().getDashArray());
        XYSeries nothing = Plots.addPrediction(chart, "nothing", new double[] {Double.NaN}, null);
        assertEquals(Palette.REFERENCE, nothing.getLineColor(), "nothing drawable: still a series to style (no NPE)");
        assertEquals("nothing (nothing to draw)", nothing.getName());
    }

    @Test
    void aSeriesOnTopOfAnotherIsDottedSoBothShowAndItDoesNotLookLikeAPrediction() {
        XYChart chart = Plots.lines("t", "step", "y");
        XYSeries first = Plots.addLine(chart, "cosine", decay(0.99, 200));
        XYSeries same = Plots.addLine(chart, "cosine again", decay(0.99, 200));
        XYSeries apart = Plots.addLine(chart, "far away", decay(0.5, 200));
        assertNull(first.getLineStyle().getDashArray());
        assertNotNull(same.getLineStyle().getDashArray());
        assertEquals(0f, same.getLineStyle().getDashArray()[0], "dots: zero-length dashes with round caps");
        assertEquals(java.awt.BasicStroke.CAP_ROUND, same.getLineStyle().getEndCap());
        XYSeries predicted = Plots.addPrediction(chart, "predicted", decay(0.5, 200), apart);
        assertTrue(predicted.getLineStyle().getDashArray()[0] > 0, "a prediction keeps real dashes");
        assertNull(apart.getLineStyle().getDashArray());
        XYSeries level = Plots.addLine(chart, "level reached", new double[] {0, 199}, new double[] {0.5, 0.5});
        XYChart converged = Plots.lines("t", "step", "y");
        double[] y = new double[200];
        java.util.Arrays.fill(y, 1.0);
        y[0] = 5;
        Plots.addLine(converged, "run", y);
        XYSeries best = Plots.addLine(converged, "best possible", new double[] {0, 199}, new double[] {1, 1});
        assertNotNull(best.getLineStyle().getDashArray(), "a reference line along a converged curve is dotted");
        assertNull(level.getLineStyle().getDashArray());
    }

    @Test
    void runsThatOnlyShareTheirStartStaySolid() {
        XYChart chart = Plots.logLines("sweep", "step", "loss");
        Plots.addLine(chart, "diverged at once", new double[] {50, 52, 1e4});
        double[] y = decay(0.99, 400);
        for (int i = 0; i < y.length; i++) {
            y[i] *= 50;
        }
        XYSeries trained = Plots.addLine(chart, "trained", y);
        assertNull(trained.getLineStyle().getDashArray(), "two shared points at the start do not hide a curve");
        XYSeries again = Plots.addLine(chart, "trained again", y);
        assertNotNull(again.getLineStyle().getDashArray(), "a curve on top of another along its length is dotted");
    }

    @Test
    void titlesAndLabelsArePlainText() {
        assertEquals("hₜ₋₁ = W hₜ₋₁₋₁", Text.plain("h_{t-1} = W h_{t-1-1}"));
        assertEquals("|1 − ηλₘₐₓ|ᵗ", Text.plain("|1 − ηλ_max|^t"));
        assertEquals("‖∂L/∂h[T−k]‖", Text.plain("‖∂L/∂h_{T−k}‖"));
        assertEquals("2⁻²⁴ and snake_case", Text.plain("2^-24 and snake_case"));
        assertEquals("plain", Text.plain("plain"));
    }

    @Test
    void logAxesAreLabelledAtDecadesInOneStyle() {
        XYChart chart = Plots.logLines("t", "step", "loss");
        Plots.addLine(chart, "a", decay(0.5, 60));                  // 1 ... 1e-18
        var labels = chart.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals("10⁰", labels.apply(1.0));
        assertEquals("10⁻¹²", labels.apply(1e-12));
        assertEquals("10⁻³", labels.apply(1e-3));                    // every 3rd decade over 18 decades
        assertEquals("", labels.apply(1e-1));
        assertEquals("", labels.apply(2e-6));                        // no minor labels
        XYChart narrow = Plots.logLines("t", "step", "loss");
        Plots.addLine(narrow, "a", new double[] {1, 3, 9});
        var narrowLabels = narrow.getStyler().getYAxisTickLabelsFormattingFunction();
        assertEquals("2", narrowLabels.apply(2.0));
        assertEquals("5", narrowLabels.apply(5.0));
        assertEquals("", narrowLabels.apply(3.0));
    }

    @Test
    void wholeNumberAxesGetWholeNumberLabels() {
        XYChart chart = Plots.lines("t", "layer", "std");
        Plots.addLine(chart, "a", new double[] {1, 2, 3, 4, 5}, new double[] {0.5, 0.7, 0.2, 0.1, 0.3});
        assertEquals("3", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(3.0));
        assertEquals("0.25", chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(0.25));
    }

    @Test
    void labelsFollowSeriesAddedAfterAPaint() {
        XYChart chart = Plots.logLines("t", "step", "loss");
        Plots.addLine(chart, "a", new double[] {1, 3, 9});             // less than a decade: 1, 2, 5 labelled
        var labels = chart.getStyler().getYAxisTickLabelsFormattingFunction();
        Plots.show(chart);                                             // reads the series once for its paint
        assertEquals("2", labels.apply(2.0));
        Plots.addLine(chart, "b", decay(0.5, 60));                    // now 18 decades: decades only
        assertEquals("", labels.apply(2.0));
        Plots.show(chart);
        assertEquals("", labels.apply(2.0));
        assertEquals("10⁻¹²", labels.apply(1e-12));
    }

    @Test
    void aLongLegendGrowsTheFigureInsteadOfSquashingThePlot() {
        XYChart few = Plots.lines("t", "step", "y");
        XYChart many = Plots.lines("t", "step", "y");
        Plots.addLine(few, "a", decay(0.9, 10));
        for (int k = 0; k < 8; k++) {
            Plots.addLine(many, "a rather long legend entry that says what run number " + k + " was", decay(0.9 - k * 0.05, 10));
        }
        assertTrue(Plots.show(many).getHeight() > Plots.show(few).getHeight() + 100);
        assertEquals(Plots.show(many).getWidth(), Plots.show(few).getWidth());
    }

    @Test
    void renderingLeavesTheChartAsItWas() {
        XYChart chart = Plots.logLines("t", "step", "y");
        Plots.addLine(chart, "a", decay(0.9, 100));
        Plots.dashed(Plots.addLine(chart, "b", decay(0.8, 100)));
        Plots.show(chart);
        assertTrue(chart.getStyler().isLegendVisible());
        assertTrue(chart.getStyler().isChartTitleVisible());
        assertTrue(chart.getStyler().isPlotGridHorizontalLinesVisible());
        assertNull(chart.getStyler().getXAxisMin());
        assertTrue(chart.getSeriesCollection().stream().noneMatch(XYSeries::isSmooth));
    }

    @Test
    void paintingACutCurveAlsoPaintsTheCrossWhereItStops() {
        XYChart chart = Plots.logLines("t", "step", "loss");
        double[] y = decay(0.9, 50);
        y[30] = Double.POSITIVE_INFINITY;
        XYSeries cut = Plots.paint(Plots.addLine(chart, "diverging", y), Palette.ADAM);
        XYSeries cross = chart.getSeriesCollection().stream().filter(s -> s.getName().endsWith("\u2715")).findFirst()
                .orElseThrow();
        assertEquals(Palette.ADAM, cut.getLineColor());
        assertEquals(Palette.ADAM, cross.getMarkerColor());
    }

    @Test
    void smallMultiplesOfOneSurfaceCanLeaveOutTheColourBar() {
        gdkit.model.LinearRegression bowl = new gdkit.model.LinearRegression(gdkit.data.Synthetic.line(50, 2, 1, 0.5, 3));
        Surface surface = Surface.of(bowl, -1, 4, -2, 3, 40);
        BufferedImage withBar = Plots.show(new SurfaceChart("with bar", "w", "b", surface, 320, 300));
        BufferedImage without = Plots.show(new SurfaceChart("without", "w", "b", surface, 320, 300).withoutColorBar());
        assertEquals(withBar.getWidth() - Underlay.BAR_MARGIN * Style.SCALE, without.getWidth());
        assertEquals(withBar.getHeight(), without.getHeight());
    }

    @Test
    void aVariantIsDottedAndKeepsItsColourAndMarkers() {
        XYChart chart = Plots.lines("t", "step", "y");
        XYSeries variant = Plots.dotted(Plots.paint(Plots.addLine(chart, "variant", decay(0.9, 20)), Palette.ADAM));
        assertEquals(Palette.ADAM, variant.getLineColor());
        assertEquals(0f, variant.getLineStyle().getDashArray()[0], "dots, not dashes");
        assertTrue(variant.getMarker() != org.knowm.xchart.style.markers.SeriesMarkers.NONE, "markers kept");
        assertNull(Plots.dotted(null));
    }
}
