package gdkit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class OrderedMapTest {
    @Test
    void keepsTheOrderTheEntriesAreWrittenIn() {
        var m = OrderedMap.of("z", 1, "a", 2, "m", 3, "b", 4, "y", 5, "c", 6);
        assertEquals(List.of("z", "a", "m", "b", "y", "c"), List.copyOf(m.keySet()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), List.copyOf(m.values()));
        m.put("d", 7);
        assertEquals(7, m.size());
    }

    @Test
    void aRepeatedKeyIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderedMap.of("a", 1, "a", 2));
        assertEquals("duplicate key a (a chart would show only one of them)", e.getMessage());
    }
}
