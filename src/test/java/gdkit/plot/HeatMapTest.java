package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class HeatMapTest {
    @Test
    void rendersCellsWithLowAndHighColoursAndGreyForNonFinite() {
        double[][] v = new double[4][20];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 20; j++) {
                v[i][j] = Math.pow(10, i - 2);
            }
        }
        v[3][19] = Double.NaN;
        BufferedImage img = HeatMap.of("norms", "step", "layer", v).yFirst(1).colorLabel("gradient norm").show();
        assertEquals(2 * (760 - 100 + 100), img.getWidth());
        // find the plot area by its colours: the bottom row (lowest values) is dark, the top row bright
        int dark = 0x440154;
        int bright = 0xFDE725;
        int grey = 0xBBBBBB;
        int darkCount = 0;
        int brightCount = 0;
        int greyCount = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                darkCount += rgb == dark ? 1 : 0;
                brightCount += rgb == bright ? 1 : 0;
                greyCount += rgb == grey ? 1 : 0;
            }
        }
        assertNotEquals(0, darkCount);
        assertNotEquals(0, brightCount);
        assertNotEquals(0, greyCount);
    }

    /** Values -1 and +1 under limit 2 are light blue and light red; 0 is white; beyond the limit, the end colours. */
    @Test
    void divergingScaleIsCentredAtZeroAndSharedThroughItsLimit() {
        double[][] v = {{-5, -2, 0}, {0, 2, 5}};
        BufferedImage img = HeatMap.of("weights", "unit", "feature", v).diverging(2).rowLabels("a", "b").show();
        int blue = 0x2166AC;
        int red = 0xB2182B;
        int white = 0xF7F7F7;
        int[] counts = new int[3];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                counts[0] += rgb == blue ? 1 : 0;
                counts[1] += rgb == red ? 1 : 0;
                counts[2] += rgb == white ? 1 : 0;
            }
        }
        for (int c : counts) {
            assertNotEquals(0, c);
        }
        assertThrows(IllegalArgumentException.class, () -> HeatMap.of("t", "x", "y", v).diverging(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.of("t", "x", "y", v).rowLabels("only one"));
        assertEquals("rowLabels needs one name per row: 2 rows, got 1", e.getMessage());
    }

    @Test
    void raggedRowsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatMap.of("t", "x", "y", new double[][] {{1, 2}, {3}}));
        assertEquals("row 1 has 1 values but row 0 has 2 (every row needs the same length)", e.getMessage());
    }

    @Test
    void aLinearColourBarIsTickedAtRoundValues() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-0.4, -0.2, 0, 0.2}, HeatMap.roundTicks(-0.458, 0.335), 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3}, HeatMap.roundTicks(-0.1, 3.2), 1e-12);
    }

    @Test
    void signedValuesUseTheDivergingMapCentredOnZero() {
        double[][] w = {{-2, 0.5}, {1, Double.NaN}};
        java.awt.image.BufferedImage image = HeatMap.of("weights", "input", "unit", w).diverging().show();
        org.junit.jupiter.api.Assertions.assertTrue(image.getWidth() > 0);
        org.junit.jupiter.api.Assertions.assertEquals("Figure: weights (grey: not finite)", image.toString());
    }
}
