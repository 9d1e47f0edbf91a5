package gdkit.optim;

import java.util.Arrays;

/**
 * A growable list of primitive doubles for per-step records: appending allocates only when the
 * capacity doubles, never boxes.
 */
final class DoubleSeries {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    void clear() {
        size = 0;
    }
}
