package gdkit.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class VecTest {
    @Test
    void normsOfAThreeFourFiveVector() {
        double[] v = {3, 4, 12};
        assertEquals(169, Vec.sumOfSquares(v));
        assertEquals(13, Vec.norm(v));
        assertEquals(5, Vec.norm(v, 0, 2));
        assertEquals(13, Vec.scaledNorm(v), 1e-14);
    }

    @Test
    void theScaledNormSurvivesWhereTheSquaresOverflowOrUnderflow() {
        double[] huge = {3e300, 4e300};
        assertEquals(Double.POSITIVE_INFINITY, Vec.norm(huge));
        assertEquals(5e300, Vec.scaledNorm(huge), 1e286);
        double[] tiny = {3e-300, 4e-300};
        assertEquals(0, Vec.norm(tiny));
        assertEquals(5e-300, Vec.scaledNorm(tiny), 1e-314);
        assertTrue(Double.isNaN(Vec.scaledNorm(new double[] {1, Double.NaN})));
        assertEquals(0, Vec.scaledNorm(new double[3]));
    }

    @Test
    void distanceIsTheNormOfTheDifference() {
        assertEquals(5, Vec.distance(new double[] {1, 1}, new double[] {4, 5}), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vec.distance(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("b has length 3, expected 2"), e.getMessage());
    }

    @Test
    void aShuffleIsASeededPermutation() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Vec.identity(4));
        int[] a = Vec.identity(50);
        int[] b = Vec.identity(50);
        Vec.shuffle(a, new Random(3));
        Vec.shuffle(b, new Random(3));
        assertArrayEquals(a, b);
        assertTrue(!Arrays.equals(a, Vec.identity(50)), "50 elements stay in order with probability 1/50!");
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        assertArrayEquals(Vec.identity(50), sorted);
    }
}
