package gdkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SpectrumTest {
    @Test
    void eigenvaluesOfAKnownSymmetricMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3
        Spectrum s = Spectrum.of(new DMatrixRMaj(2, 2, true, 2, 1, 1, 2));
        assertArrayEquals(new double[] {1, 3}, s.eigenvalues(), 1e-12);
        assertEquals(3, s.conditionNumber(), 1e-12);
        assertEquals(2.0 / 3, s.maxStableStep(), 1e-12);
        double[] v = s.eigenvector(1);
        assertEquals(Math.abs(v[0]), Math.abs(v[1]), 1e-12);
        assertEquals(Math.signum(v[0]), Math.signum(v[1]));
        double[] u = s.eigenvector(0);
        assertEquals(0, u[0] * v[0] + u[1] * v[1], 1e-12);
    }
}
