package gdkit.util;

import java.util.LinkedHashMap;

/**
 * Maps that keep the order their entries are written in, e.g. runs or optimizers whose order is
 * the order of a chart's legend: {@code OrderedMap.of("GD", gd, "Momentum", momentum)}. Unlike
 * {@code Map.of}, the order is kept, and the map can still be added to.
 */
public final class OrderedMap {
    private OrderedMap() {
    }

    /** A map of one entry. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1) {
        LinkedHashMap<K, V> m = new LinkedHashMap<>();
        put(m, k1, v1);
        return m;
    }

    /** A map of two entries, in this order. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1, K k2, V v2) {
        LinkedHashMap<K, V> m = of(k1, v1);
        put(m, k2, v2);
        return m;
    }

    /** A map of three entries, in this order. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3) {
        LinkedHashMap<K, V> m = of(k1, v1, k2, v2);
        put(m, k3, v3);
        return m;
    }

    /** A map of four entries, in this order. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
        LinkedHashMap<K, V> m = of(k1, v1, k2, v2, k3, v3);
        put(m, k4, v4);
        return m;
    }

    /** A map of five entries, in this order. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
        LinkedHashMap<K, V> m = of(k1, v1, k2, v2, k3, v3, k4, v4);
        put(m, k5, v5);
        return m;
    }

    /** A map of six entries, in this order. */
    public static <K, V> LinkedHashMap<K, V> of(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5,
            K k6, V v6) {
        LinkedHashMap<K, V> m = of(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
        put(m, k6, v6);
        return m;
    }

    /** Adds an entry; a repeated key is an error (a legend with two entries of one name hides one). */
    private static <K, V> void put(LinkedHashMap<K, V> m, K key, V value) {
        if (m.containsKey(key)) {
            throw new IllegalArgumentException("duplicate key " + key + " (a chart would show only one of them)");
        }
        m.put(key, value);
    }
}
