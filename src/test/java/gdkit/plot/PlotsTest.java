package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.optim.GradientDescent;
import gdkit.train.Run;
import gdkit.train.Trainer;

class PlotsTest {
    @TempDir
    Path dir;

    private final LinearRegression line = new LinearRegression(Synthetic.line(50, 3, 2, 0.5, 1));

    @Test
    void aLongCurveIsLabelledWithoutFormattingEveryStep() {
        // XChart labels evenly spaced x values by formatting every n-th value for n = 1, 2, ... until
        // the labels fit: about 10^5 labels here. Rendering, the panel's second paint included, must
        // take the round-number path instead.
        XYChart chart = Plots.lines("t", "step", "loss");
        double[] loss = new double[30_000];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 1.0 / (1 + i);
        }
        Plots.addLine(chart, "a", loss);
        var labels = chart.getStyler().getXAxisTickLabelsFormattingFunction();
        int[] calls = {0};
        chart.getStyler().setXAxisTickLabelsFormattingFunction(v -> {
            calls[0]++;
            return labels.apply(v);
        });
        Plots.panel(chart);
        Plots.show(chart);
        assertTrue(calls[0] < 2_000, calls[0] + " x labels formatted for two renderings");
    }

    @Test
    void aSeriesFromStepZeroOnALogXAxisIsDrawnFromItsFirstPositiveX() {
        XYChart chart = Plots.logLog("power law", "step", "loss");
        double[] y = new double[50];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1.0 / (t + 1);
        }
        org.knowm.xchart.XYSeries s = Plots.addLine(chart, "1/(t+1)", y);
        assertEquals(49, s.getXData().length, "step 0 cannot be drawn on a log axis; steps 1..49 are");
        assertEquals(1.0, s.getXData()[0]);
        assertTrue(s.getName().contains("x <= 0 is off a log axis"), s.getName());
    }

    @Test
    void nanAndInfinityAreCutNotDrawn() {
        XYChart chart = Plots.logLines("t", "step", "loss");
        double[] y = {5, 4, 3, Double.NaN, 1};
        assertEquals(3, Plots.addLine(chart, "a", y).getYData().length);
        assertEquals(2, Plots.addLine(chart, "b", new double[] {1, 2, 0, 4}).getYData().length);
        assertEquals("c (nothing to draw)", Plots.addLine(chart, "c", new double[] {Double.POSITIVE_INFINITY}).getName());
        assertTrue(chart.getTitle().contains("c: nothing finite to draw"));
        BufferedImage img = Plots.show(chart);
        assertEquals(2 * chart.getWidth(), img.getWidth());
    }

    @Test
    void logLogChartHasTwoLogAxesAndCutsNonPositiveX() {
        XYChart chart = Plots.logLog("power law", "B", "variance");
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        double[] x = {1, 10, 100, 0, 1000};
        double[] y = {1, 0.1, 0.01, 0.005, 0.001};
        assertEquals(3, Plots.addLine(chart, "1/B", x, y).getXData().length);
        assertEquals("10\u2074", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(1e4));
        assertNotNull(Plots.show(chart));
    }

    @Test
    void showLeavesTheChartsAxisSettingsAsTheyWere() {
        XYChart chart = Plots.lines("t", "step", "y");
        Plots.addLine(chart, "a", new double[] {3, 2, 1});
        Plots.show(chart);
        assertNull(chart.getStyler().getXAxisMin());
        chart.getStyler().setXAxisMin(-5.0);
        Plots.show(chart);
        assertEquals(-5.0, chart.getStyler().getXAxisMin());
    }

    @Test
    void panelsAreSmallerThanAFigureAndLeaveTheChartItsSize() {
        XYChart chart = Plots.lines("t", "step", "y");
        Plots.addLine(chart, "a", new double[] {3, 2, 1});
        int w = chart.getWidth();
        BufferedImage panel = Plots.panel(chart);
        assertTrue(panel.getWidth() < Plots.show(chart).getWidth());
        assertEquals(w, chart.getWidth());
        BufferedImage two = Plots.grid(2, panel, panel);
        assertEquals(2 * panel.getWidth(), two.getWidth());
        BufferedImage narrow = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        BufferedImage wide = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
        BufferedImage mixed = Plots.grid(2, narrow, wide, narrow, narrow);
        assertEquals(100 + 300, mixed.getWidth(), "each column as wide as its widest image");
        assertEquals(80 + 50, mixed.getHeight(), "each row as high as its highest image");
    }

    @Test
    void decadeLinesHoldTheExponentsAndCutAtZero() {
        XYChart chart = Plots.decadeLines("t", "layer", "variance", -20, 20);
        assertEquals(2, Plots.addDecadeLine(chart, "a", new double[] {1, 2, 3}, new double[] {1e-5, 1e7, 0}).getYData().length);
        assertEquals(7.0, chart.getSeriesCollection().iterator().next().getYData()[1], 1e-12);
        assertEquals("10\u207B\u2075", chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(-5.0));
        assertNotNull(Plots.show(chart));
    }

    @Test
    void divergedRunIsDrawnUpToWhereItStopped() {
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("ok", Trainer.of(line, new GradientDescent(0.1)).steps(50).run(new double[2]));
        runs.put("bad", Trainer.of(line, new GradientDescent(3)).steps(500).run(new double[2]));
        assertTrue(runs.get("bad").diverged());
        XYChart chart = Plots.lossCurves("sweep", runs);
        assertTrue(chart.getSeriesCollection().stream().anyMatch(s -> s.getName().startsWith("bad (diverged at step")));
        assertNotNull(Plots.show(chart));
    }

    @Test
    void surfaceWithPathsAndNonFiniteValuesRenders() {
        Surface s = Surface.sample((x, y) -> x > 0.9 ? Double.NaN : x * x + 10 * y * y, -1, 1, -1, 1, 40);
        Run run = Trainer.of(line, new GradientDescent(3)).steps(500).run(new double[2]);
        SurfaceChart chart = new SurfaceChart("s", "w", "b", s)
                .addPath("nan path", new double[] {0.5, Double.NaN}, new double[] {0.5, 0.5})
                .addPath("diverged", run)
                .addPoint("minimum", 0, 0);
        BufferedImage img = Plots.show(chart);
        assertTrue(img.getWidth() > chart.chart().getWidth());
    }

    @Test
    void pngAndSvgExportWrite(/* SVG needs VectorGraphics2D on the class path */) throws IOException {
        XYChart chart = Plots.lines("t", "x", "y");
        Plots.addLine(chart, "a", new double[] {1, 2, 3});
        Path png = Plots.savePng(chart, dir.resolve("a.png"));
        Path svg = Plots.saveSvg(chart, dir.resolve("a.svg"));
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void everyKthPointAndTheLastOfALongCurve() {
        XYChart chart = Plots.lines("t", "step", "y");
        double[] y = new double[101];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 - t;
        }
        var thinned = Plots.addEvery(chart, "every 30th", y, 30);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 30, 60, 90, 100}, thinned.getXData());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {100, 70, 40, 10, 0}, thinned.getYData());
        assertEquals(101, Plots.addEvery(chart, "all", y, 1).getXData().length);
        assertEquals(5, Plots.addPointsEvery(chart, "every 25th", y, 25).getXData().length, "0, 25, 50, 75 and 100: the last index is a multiple of 25");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Plots.addEvery(chart, "bad", y, 0));
        assertTrue(e.getMessage().startsWith("k must be"), e.getMessage());
    }
}
