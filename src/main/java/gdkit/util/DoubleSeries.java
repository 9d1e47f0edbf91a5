package gdkit.util;

import java.util.Arrays;

/**
 * A growable list of primitive doubles for per-step records: appending allocates only when the
 * capacity doubles, never boxes. Records of runs whose length is not known in advance (a run
 * that may stop early) grow with the run instead of being sized for the longest possible one.
 */
public final class DoubleSeries {
    private static final int INITIAL_CAPACITY = 64;
    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    /** Appends {@code v}. */
    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, grownCapacity(size, size + 1));
        }
        values[size++] = v;
    }

    /** Appends {@code v[from]}, ..., {@code v[from + count - 1]}. */
    public void addAll(double[] v, int from, int count) {
        if (size + count > values.length) {
            values = Arrays.copyOf(values, grownCapacity(values.length, size + count));
        }
        System.arraycopy(v, from, values, size, count);
        size += count;
    }

    /** Number of values. */
    public int size() {
        return size;
    }

    /** Value {@code i}, for {@code 0 <= i < size()}. */
    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " of a series of " + size + " values");
        }
        return values[i];
    }

    /** A copy of the values. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** A copy of the values {@code from} (inclusive) to {@code to} (exclusive). */
    public double[] toArray(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a series of " + size + " values");
        }
        return Arrays.copyOfRange(values, from, to);
    }

    /** Forgets all values; keeps the capacity. */
    public void clear() {
        size = 0;
    }

    /** Doubles {@code capacity} until it holds {@code needed}, up to the largest array. */
    private static int grownCapacity(int capacity, int needed) {
        if (needed < 0) {
            throw new IllegalStateException("a series cannot hold more than " + Integer.MAX_VALUE + " values");
        }
        long grown = Math.max(INITIAL_CAPACITY, capacity);
        while (grown < needed) {
            grown *= 2;
        }
        return (int) Math.min(grown, Integer.MAX_VALUE - 8);
    }
}
