package gdkit.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void aFalseClaimFailsWithItsText() {
        Check.ClaimFailed e = assertThrows(Check.ClaimFailed.class, () -> Check.check(false, "momentum is faster"));
        assertEquals("CLAIM FAILED: momentum is faster", e.getMessage());
        assertDoesNotThrow(() -> Check.check(true, "fine"));
    }

    @Test
    void nearAndLessFailOutsideTheirBounds() {
        assertThrows(Check.ClaimFailed.class, () -> Check.checkNear(1.2, 1.0, 0.1, "close"));
        assertDoesNotThrow(() -> Check.checkNear(1.05, 1.0, 0.1, "close"));
        assertThrows(Check.ClaimFailed.class, () -> Check.checkLess(2, 1, "smaller"));
        assertThrows(Check.ClaimFailed.class, () -> Check.checkLess(Double.NaN, 1, "smaller"));
    }

    @Test
    void gradientCheckCatchesAWrongGradient() {
        gdkit.model.Objective wrong = new gdkit.model.Objective() {
            public int dimension() {
                return 1;
            }

            public double loss(double[] p) {
                return p[0] * p[0];
            }

            public double lossAndGradient(double[] p, double[] g) {
                g[0] = p[0]; // should be 2 p
                return loss(p);
            }
        };
        assertTrue(GradientCheck.maxRelativeError(wrong, new double[] {1.5}, 1e-5) > 0.1);
    }
}
