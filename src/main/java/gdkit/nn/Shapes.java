package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

/** Formats matrix shapes for error messages. */
final class Shapes {
    private Shapes() {
    }

    /** {@code "32x10"}. */
    static String of(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }
}
