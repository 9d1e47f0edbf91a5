package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void countsFiniteValuesInEqualBinsWithTheMaximumInTheLastBin() {
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.5, 0.9, 1.0, Double.NaN, Double.POSITIVE_INFINITY}, 4);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1.0}, h.edges(), 1e-12);
        assertArrayEquals(new int[] {2, 0, 1, 2}, h.counts());
        assertEquals(2, h.maxCount());
        assertEquals(2, h.nonFinite());
        var chart = h.chart("t", "x");
        assertEquals(1, chart.getSeriesCollection().size());
        Plots.show(chart); // renders without error
    }

    @Test
    void rejectsNoBinsAndNoFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1}, 0));
        assertEquals("a histogram needs at least one finite value, got 1 values, none finite",
                assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {Double.NaN}, 3)).getMessage());
    }

    @Test
    void constantValuesGetAVisibleBin() {
        Histogram h = Histogram.of(new double[] {2, 2, 2}, 3);
        assertEquals(3, h.maxCount());
        assertEquals(1.9, h.edges()[0], 1e-12);
    }
}
