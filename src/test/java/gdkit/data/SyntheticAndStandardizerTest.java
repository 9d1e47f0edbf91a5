package gdkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticAndStandardizerTest {
    @Test
    void sameSeedSameData() {
        assertArrayEquals(Synthetic.line(20, 3, 2, 1, 9).y(), Synthetic.line(20, 3, 2, 1, 9).y());
        assertNotEquals(Synthetic.line(20, 3, 2, 1, 9).y()[0], Synthetic.line(20, 3, 2, 1, 10).y()[0]);
    }

    @Test
    void standardizerFitsOnTrainAndAppliesTheSameTransformToTest() {
        Dataset all = Synthetic.linear(200, new double[] {1, 1}, 0, new double[] {10, 0.1}, 0, 3);
        Dataset train = all.rows(0, 150);
        Dataset test = all.rows(150, 200);
        Standardizer s = Standardizer.fit(train);
        Dataset z = s.apply(train);
        for (int j = 0; j < 2; j++) {
            double[] c = z.column(j);
            double mean = java.util.Arrays.stream(c).average().orElseThrow();
            double var = java.util.Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / c.length;
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var, 1e-12);
        }
        Dataset zt = s.apply(test);
        assertEquals((test.x().get(0, 0) - s.mean()[0]) / s.std()[0], zt.x().get(0, 0), 1e-12);
        assertArrayEquals(test.y(), zt.y());
    }

    @Test
    void shuffledKeepsEveryRowWithItsTargetAndRepeatsForASeed() {
        Dataset d = Synthetic.linear(50, new double[] {2}, 1, new double[] {1}, 0, 4);
        Dataset s = d.shuffled(9);
        assertArrayEquals(s.y(), d.shuffled(9).y());
        assertNotEquals(d.y()[0], s.y()[0]);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(2 * s.x().get(i, 0) + 1, s.y()[i], 1e-12);
        }
        double[] a = d.y().clone();
        double[] b = s.y().clone();
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        assertArrayEquals(a, b);
    }

    @Test
    void constantFeatureCannotBeStandardized() {
        Dataset d = Dataset.ofColumn(new double[] {2, 2, 2}, new double[] {1, 2, 3}, "const", "y");
        DataException e = assertThrows(DataException.class, () -> Standardizer.fit(d));
        assertTrue(e.getMessage().contains("'const' is constant"), e.getMessage());
    }
}
