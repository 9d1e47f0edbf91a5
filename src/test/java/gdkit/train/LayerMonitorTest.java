package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gdkit.model.ParameterBlocks;

class LayerMonitorTest {
    private final ParameterBlocks blocks = ParameterBlocks.builder().add("layer1.W", 2).add("layer1.b", 1)
            .add("layer2.W", 2).add("layer2.b", 1).build();

    @Test
    void recordsEachBlocksNormPerStepAndCombinesLayers() {
        LayerMonitor m = new LayerMonitor(blocks, 10);
        m.onStep(0, null, new double[] {3, 4, 0, 1, 0, 2}, 1);
        m.onStep(1, null, new double[] {0, 0, 12, 0, 0, 0}, 1);
        assertEquals(2, m.steps());
        assertArrayEquals(new double[] {5, 0}, m.norms("layer1.W"), 1e-15);
        assertArrayEquals(new double[] {0, 12}, m.norms("layer1.b"), 1e-15);
        assertArrayEquals(new double[] {5, 12}, m.norms("layer1"), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(5), 0}, m.norms("layer2"), 1e-15);
        assertArrayEquals(new double[] {0, 12, 0, 0}, m.last(), 1e-15);
        double[][] table = m.matrix("layer1.W", "layer2.W");
        assertArrayEquals(new double[] {1, 0}, table[1], 1e-15);
    }

    @Test
    void unknownNamesAreAClearErrorAndAFullMonitorGrows() {
        LayerMonitor m = new LayerMonitor(blocks, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.norms("layer3"));
        assertTrue(e.getMessage().contains("[layer1.W, layer1.b, layer2.W, layer2.b]"), e.getMessage());
        m.onStep(0, null, new double[] {3, 4, 0, 0, 0, 0}, 0);
        m.onStep(1, null, new double[] {0, 0, 1, 0, 0, 0}, 0);
        m.onStep(2, null, new double[] {0, 0, 0, 0, 0, 7}, 0);
        assertArrayEquals(new double[] {5, 0, 0}, m.norms("layer1.W"), 1e-15);
        assertArrayEquals(new double[] {0, 1, 0}, m.norms("layer1.b"), 1e-15);
        assertArrayEquals(new double[] {0, 0, 7}, m.norms("layer2.b"), 1e-15);
    }
}
