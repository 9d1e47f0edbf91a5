package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SurfaceChartAspectTest {
    private static double[] pixelsPerUnit(SurfaceChart chart, double x0, double x1, double y0, double y1) {
        var c = chart.chart();
        return new double[] {
            (c.getScreenXFromChart(x1) - c.getScreenXFromChart(x0)) / (x1 - x0),
            (c.getScreenYFromChart(y0) - c.getScreenYFromChart(y1)) / (y1 - y0),
        };
    }

    @Test
    void equalAspectDrawsOneUnitOfXAsLongAsOneUnitOfY() {
        Surface s = Surface.sample((x, y) -> x * x + 10 * y * y, -3, 3, -1, 1, 40);
        SurfaceChart plain = new SurfaceChart("t", "x", "y", s).addPath("p", new double[] {-2, 0}, new double[] {0.5, 0});
        Plots.show(plain);
        double[] before = pixelsPerUnit(plain, -3, 3, -1, 1);
        assertTrue(Math.abs(before[0] / before[1] - 1) > 0.2, "the default layout is not 1:1 here: " + before[0] / before[1]);

        SurfaceChart square = new SurfaceChart("t", "x", "y", s).addPath("p", new double[] {-2, 0}, new double[] {0.5, 0})
                .equalAspect();
        Plots.show(square);
        double[] after = pixelsPerUnit(square, -3, 3, -1, 1);
        assertEquals(1.0, after[0] / after[1], 0.02);
    }
}
