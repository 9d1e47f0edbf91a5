package gdkit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

class SeedsTest {

    private static double meanOfFirstGaussian(LongFunction<Random> make, int seeds) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            sum += make.apply(s).nextGaussian();
        }
        return sum / seeds;
    }

    @Test
    void consecutiveSeedsGiveUncorrelatedFirstDraws() {
        int n = 4000;
        double bound = 4 / Math.sqrt(n); // four standard errors of a mean of n standard normals
        assertTrue(Math.abs(meanOfFirstGaussian(Random::new, n)) > bound,
                "plain java.util.Random is expected to show the correlation this class removes");
        double mixed = meanOfFirstGaussian(Seeds::random, n);
        assertTrue(Math.abs(mixed) < bound, "mean of first Gaussians " + mixed);
    }

    @Test
    void sameSeedSameStream() {
        Random a = Seeds.random(42);
        Random b = Seeds.random(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void mixMatchesSplitMix64ReferenceValues() {
        // SplittableRandom(seed).nextLong() returns mix(seed + golden gamma): the same finalizer.
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            assertEquals(new java.util.SplittableRandom(seed).nextLong(), Seeds.mix(seed));
        }
        assertNotEquals(Seeds.mix(0), Seeds.mix(1));
    }
}
