package gdkit.nn;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import gdkit.util.Args;
import gdkit.util.Seeds;

/**
 * What a network should output for each example: either real values (regression, one row of
 * {@link #width()} numbers per example) or class labels (classification, one class index per
 * example; the loss turns it into a one-hot row itself).
 *
 * <pre>{@code
 * Targets y = Targets.values(data.y());                 // regression, width 1
 * Targets c = Targets.classes(new int[] {0, 2, 1}, 3);  // 3 examples, 3 classes
 * }</pre>
 */
public final class Targets {
    private final double[] values;
    private final int[] labels;
    private final int size;
    private final int width;

    private Targets(double[] values, int[] labels, int size, int width) {
        this.values = values;
        this.labels = labels;
        this.size = size;
        this.width = width;
    }

    /**
     * Real-valued targets, one row per example (copied).
     *
     * @throws IllegalArgumentException if the matrix is empty or an entry is not finite
     */
    public static Targets values(DMatrixRMaj y) {
        if (y.numRows == 0 || y.numCols == 0) {
            throw new IllegalArgumentException("targets must have at least one row and one column, got " + Shapes.of(y));
        }
        for (int i = 0; i < y.numRows; i++) {
            for (int j = 0; j < y.numCols; j++) {
                double v = y.unsafe_get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("target at row " + i + ", column " + j + " is " + v
                            + " (expected a finite number)");
                }
            }
        }
        return new Targets(y.data.clone(), null, y.numRows, y.numCols);
    }

    /** One real target per example (width 1), e.g. a {@code Dataset}'s {@code y()}. */
    public static Targets values(double[] y) {
        return values(new DMatrixRMaj(y.length, 1, true, y));
    }

    /**
     * Class labels in {@code [0, classes)}, one per example (copied).
     *
     * @throws IllegalArgumentException naming the first label out of range
     */
    public static Targets classes(int[] labels, int classes) {
        Args.atLeast("classes", classes, 2);
        Args.atLeast("number of labels", labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i]
                        + " is out of range: a class must be in [0, " + classes + ")");
            }
        }
        return new Targets(null, labels.clone(), labels.length, classes);
    }

    /** {@code n} labels drawn uniformly from {@code classes} classes with the given seed. */
    public static Targets randomClasses(int n, int classes, long seed) {
        Args.atLeast("n", n, 1);
        Args.atLeast("classes", classes, 2);
        Random rng = Seeds.random(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
        }
        return new Targets(null, labels, n, classes);
    }

    /** Number of examples. */
    public int size() {
        return size;
    }

    /** Number of outputs the network needs: the number of columns, or of classes. */
    public int width() {
        return width;
    }

    /** True for class labels, false for real values. */
    public boolean isClasses() {
        return labels != null;
    }

    /** The class of example {@code i}. */
    public int label(int i) {
        requireClasses();
        return labels[i];
    }

    /** All class labels (a copy). */
    public int[] labels() {
        requireClasses();
        return labels.clone();
    }

    /** Entry {@code (i, j)}: the target value, or for class labels 1 if {@code j} is the class and 0 otherwise. */
    public double value(int i, int j) {
        return labels != null ? (labels[i] == j ? 1 : 0) : values[i * width + j];
    }

    /** The targets as a size x width matrix (one-hot rows for class labels). */
    public DMatrixRMaj matrix() {
        DMatrixRMaj m = new DMatrixRMaj(size, width);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < width; j++) {
                m.unsafe_set(i, j, value(i, j));
            }
        }
        return m;
    }

    private void requireClasses() {
        if (labels == null) {
            throw new IllegalStateException("these targets are real values, not class labels");
        }
    }

    @Override
    public String toString() {
        return isClasses() ? "Targets(" + size + " labels, " + width + " classes)"
                : "Targets(" + size + " rows, " + width + " values each)";
    }
}
