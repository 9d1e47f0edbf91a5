package gdkit.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DynamicLossScalerTest {
    @Test
    void unscalesFiniteGradientsAndSkipsOverflowedOnes() {
        DynamicLossScaler scaler = new DynamicLossScaler(1024, 2, 0.5, 3);
        double[] g = {2048, -512};
        assertTrue(scaler.unscale(g));
        assertArrayEquals(new double[] {2, -0.5}, g);
        double[] bad = {1, Double.POSITIVE_INFINITY};
        assertFalse(scaler.unscale(bad));
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY}, bad, "left as it was");
        scaler.update();
        assertEquals(512, scaler.scale());
        assertEquals(1, scaler.skippedSteps());
        assertFalse(scaler.unscale(new double[] {Double.NaN}));
        scaler.update();
        assertEquals(256, scaler.scale());
        assertEquals(2, scaler.skippedSteps());
    }

    @Test
    void growsAfterTheIntervalOfGoodStepsAndCountsAgainAfterAnOverflow() {
        DynamicLossScaler scaler = new DynamicLossScaler(8, 2, 0.5, 3);
        for (int i = 0; i < 2; i++) {
            scaler.unscale(new double[] {1});
            scaler.update();
        }
        assertEquals(8, scaler.scale());
        scaler.unscale(new double[] {1});
        scaler.update();
        assertEquals(16, scaler.scale());
        scaler.unscale(new double[] {1});
        scaler.update();
        scaler.unscale(new double[] {Double.NEGATIVE_INFINITY});
        scaler.update(); // halves and restarts the count
        assertEquals(8, scaler.scale());
        for (int i = 0; i < 2; i++) {
            scaler.unscale(new double[] {1});
            scaler.update();
        }
        assertEquals(8, scaler.scale());
    }

    @Test
    void hyperparametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScaler(0, 2, 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScaler(1, 1, 0.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScaler(1, 2, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new DynamicLossScaler(1, 2, 0.5, 0));
        assertEquals(65536, new DynamicLossScaler().scale());
    }
}
