package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class SurfaceHeatMapTest {
    private final Surface ramp = Surface.sample((x, y) -> x, 0, 2, 0, 1, 50);

    @Test
    void rendersAtTwiceTheSizeWithMarksAndSurvivesNonFiniteValues() {
        Surface holes = Surface.sample((x, y) -> x > 1 ? Double.NaN : x, 0, 2, 0, 1, 20);
        SurfaceHeatMap map = new SurfaceHeatMap("t", "x", "y", holes, 0, 1, "value")
                .overflow(0.8, "too big")
                .addPoints("points", new double[] {0.5, 1.5}, new double[] {0.5, 0.5})
                .addLine("line", new double[] {0, 2}, new double[] {0, 1});
        BufferedImage img = Plots.show(map);
        assertEquals(2 * (map.chart().getWidth() + Underlay.BAR_MARGIN), img.getWidth());
        // the title above and the legend below add to the chart's height
        int h = map.chart().getHeight();
        assertTrue(img.getHeight() > 2 * h && img.getHeight() < 2 * (h + 120), "height " + img.getHeight());
    }

    @Test
    void coloursFollowTheValueAndAreClampedToTheRange() {
        assertEquals(new Color(0x440154), SurfaceHeatMap.color(0));
        assertEquals(new Color(0xFDE725), SurfaceHeatMap.color(1));
        assertEquals(SurfaceHeatMap.color(0), SurfaceHeatMap.color(-3));
        assertEquals(SurfaceHeatMap.color(1), SurfaceHeatMap.color(7));
        assertNotEquals(SurfaceHeatMap.color(0.4), SurfaceHeatMap.color(0.6));
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("colour range must be finite with low < high, got [1.0, 1.0]",
                assertThrows(IllegalArgumentException.class, () -> new SurfaceHeatMap("t", "x", "y", ramp, 1, 1, "v"))
                        .getMessage());
        SurfaceHeatMap map = new SurfaceHeatMap("t", "x", "y", ramp, 0, 1, "v");
        assertEquals("series 'p' needs as many x as y values, at least one; got 2 and 1",
                assertThrows(IllegalArgumentException.class, () -> map.addPoints("p", new double[2], new double[1]))
                        .getMessage());
        assertEquals("chart size must be at least 100 x 100, got 50 x 300",
                assertThrows(IllegalArgumentException.class, () -> new SurfaceChart("t", "x", "y", ramp, 50, 300))
                        .getMessage());
    }

    @Test
    void aSmallSurfaceChartRendersAtItsSize() {
        SurfaceChart small = new SurfaceChart("t", "x", "y", ramp, 320, 300);
        assertEquals(320, small.chart().getWidth());
        int height = Plots.show(small).getHeight();
        assertTrue(height > 2 * 300 && height < 2 * 420, "height " + height);
    }
}
