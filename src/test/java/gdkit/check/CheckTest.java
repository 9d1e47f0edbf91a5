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
    void aHeldClaimPrintsOneLineWithTheNumbersItMeasured() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Check.check(true, "a plain claim");
            Check.checkNear(1.05, 1.0, 0.1, "close (within 0.1)");
            Check.checkLess(1, 2, "smaller");
        } finally {
            System.setOut(out);
        }
        assertEquals(String.join(System.lineSeparator(), "\u2714 a plain claim",
                "\u2714 close (within 0.1)  [measured 1.05000, expected 1.00000 \u00b1 0.10]",
                "\u2714 smaller  [measured 1.00000 < 2.00000]", ""), buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("CLAIM FAILED: smaller  [measured 3.00000 is not < 2.00000]",
                assertThrows(Check.ClaimFailed.class, () -> Check.checkLess(3, 2, "smaller")).getMessage());
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
