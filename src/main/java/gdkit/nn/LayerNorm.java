package gdkit.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Layer normalization without a learned gain and shift (Ba, Kiros &amp; Hinton, 2016): each row
 * (one example) of a batch x units matrix {@code u} is centred and scaled to unit variance over
 * its units,
 * {@code z_ij = (u_ij - m_i) / sqrt(v_i + eps)} with {@code m_i} and {@code v_i} the mean and the
 * (population) variance of row {@code i}. The gain and shift are left out: the next layer's
 * {@code W} and {@code b} can rescale and shift. A {@link Dense} layer built with
 * {@link Mlp.Builder#layerNormDense} or {@link Mlp.Builder#layerNormResidual} normalizes its
 * pre-activations this way before the activation.
 *
 * <p>Backward, with {@code g = dL/dz} and {@code r_i = 1/sqrt(v_i + eps)}:
 * {@code dL/du_ij = r_i (g_ij - mean_k g_ik - z_ij mean_k (g_ik z_ik))}, exact also with
 * {@code eps}. The per-row scales are kept from the last forward pass; nothing is allocated once
 * the buffer fits the batch.
 */
public final class LayerNorm {
    /** Added to each row's variance before the square root, so a constant row does not divide by 0. */
    public static final double EPSILON = 1e-5;

    private double[] inverseStd = new double[0];

    /** Writes {@code z = LN(u)} row by row ({@code z} may not be {@code u}; it is reshaped to u's shape). */
    public void forward(DMatrixRMaj u, DMatrixRMaj z) {
        int m = u.numRows;
        int n = u.numCols;
        z.reshape(m, n);
        if (inverseStd.length < m) {
            inverseStd = new double[m];
        }
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double mean = 0;
            for (int j = 0; j < n; j++) {
                mean += u.data[row + j];
            }
            mean /= n;
            double var = 0;
            for (int j = 0; j < n; j++) {
                double d = u.data[row + j] - mean;
                var += d * d;
            }
            double r = 1 / Math.sqrt(var / n + EPSILON);
            inverseStd[i] = r;
            for (int j = 0; j < n; j++) {
                z.data[row + j] = (u.data[row + j] - mean) * r;
            }
        }
    }

    /**
     * Writes {@code gradU = dL/du} given {@code gradZ = dL/dz} and the {@code z} of the last
     * {@link #forward} ({@code gradU} is reshaped to z's shape and may not be {@code gradZ}).
     */
    public void backward(DMatrixRMaj z, DMatrixRMaj gradZ, DMatrixRMaj gradU) {
        int m = z.numRows;
        int n = z.numCols;
        if (gradZ.numRows != m || gradZ.numCols != n || inverseStd.length < m) {
            throw new IllegalArgumentException("shape mismatch: gradZ is " + Shapes.of(gradZ) + " but the last forward pass produced "
                    + Shapes.of(z));
        }
        gradU.reshape(m, n);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            double meanG = 0;
            double meanGz = 0;
            for (int j = 0; j < n; j++) {
                meanG += gradZ.data[row + j];
                meanGz += gradZ.data[row + j] * z.data[row + j];
            }
            meanG /= n;
            meanGz /= n;
            double r = inverseStd[i];
            for (int j = 0; j < n; j++) {
                gradU.data[row + j] = r * (gradZ.data[row + j] - meanG - z.data[row + j] * meanGz);
            }
        }
    }
}
