package gdkit.precision;

import static gdkit.precision.FloatFormat.BFLOAT16;
import static gdkit.precision.FloatFormat.FLOAT16;
import static gdkit.precision.FloatFormat.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Rounding to the emulated formats, against bit patterns worked out by hand. */
class FloatFormatTest {
    @Test
    void bfloat16BitPatterns() {
        assertEquals(0x3F80, BFLOAT16.bits(1.0));
        assertEquals(0xBF80, BFLOAT16.bits(-1.0));
        assertEquals(0x4049, BFLOAT16.bits(Math.PI)); // 1.5707..x2: fraction .5707*128 = 73.05 -> 73 = 0x49
        assertEquals(0x3DCD, BFLOAT16.bits(0.1)); // 1.6*2^-4: .6*128 = 76.8 -> 77 = 0x4D, exponent 123
        assertEquals(0x7F7F, BFLOAT16.bits(BFLOAT16.maxFinite()));
        assertEquals(0x0001, BFLOAT16.bits(Math.scalb(1.0, -133))); // smallest subnormal
        assertEquals(0x0000, BFLOAT16.bits(0.0));
        assertEquals(0x8000, BFLOAT16.bits(-0.0));
        assertEquals(0x7F80, BFLOAT16.bits(Double.POSITIVE_INFINITY));
        assertEquals(0x7FC0, BFLOAT16.bits(Double.NaN));
    }

    @Test
    void bfloat16TiesGoToEven() {
        double halfUlp = Math.scalb(1.0, -8); // the gap above 1 is 2^-7
        assertEquals(1.0, BFLOAT16.round(1 + halfUlp)); // tie between 1 (even) and 1 + 2^-7 (odd): down
        assertEquals(1 + 2 * Math.scalb(1.0, -7), BFLOAT16.round(1 + 3 * halfUlp)); // tie: up to the even one
        assertEquals(1 + Math.scalb(1.0, -7), BFLOAT16.round(1 + halfUlp + 1e-9)); // just above the tie: up
        assertEquals(0x3F80, BFLOAT16.bits(1 + halfUlp));
        assertEquals(0x3F82, BFLOAT16.bits(1 + 3 * halfUlp));
    }

    @Test
    void float16BitPatterns() {
        assertEquals(0x3C00, FLOAT16.bits(1.0));
        assertEquals(0xC000, FLOAT16.bits(-2.0));
        assertEquals(0x3555, FLOAT16.bits(1.0 / 3)); // 1.333..x2^-2: .333*1024 = 341.33 -> 341 = 0x155
        assertEquals(0x7BFF, FLOAT16.bits(65504));
        assertEquals(0x0400, FLOAT16.bits(Math.scalb(1.0, -14))); // smallest normal
        assertEquals(0x03FF, FLOAT16.bits(Math.scalb(1023.0, -24))); // largest subnormal
        assertEquals(0x0001, FLOAT16.bits(Math.scalb(1.0, -24))); // smallest subnormal
        assertEquals(0x7C00, FLOAT16.bits(1e6));
        assertEquals(0xFC00, FLOAT16.bits(-1e6));
    }

    @Test
    void float16OverflowAndUnderflowFollowIeee() {
        assertEquals(65504.0, FLOAT16.round(65519.99)); // below the midpoint 65520: down to the largest finite
        assertEquals(Double.POSITIVE_INFINITY, FLOAT16.round(65520)); // the tie goes to the even "65536": infinity
        double tiny = Math.scalb(1.0, -24);
        assertEquals(0.0, FLOAT16.round(tiny / 2)); // tie between 0 (even) and the smallest subnormal
        assertEquals(tiny, FLOAT16.round(tiny / 2 * 1.0001));
        assertEquals(2 * tiny, FLOAT16.round(1.5 * tiny)); // tie between 1 and 2 subnormal units: even
        assertEquals(-0.0, FLOAT16.round(-tiny / 4));
        assertTrue(1 / FLOAT16.round(-tiny / 4) < 0, "the sign of an underflowed value is kept");
    }

    @Test
    void float32RoundingEqualsJavasFloatCast() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double x = Math.scalb(rng.nextDouble(-1, 1), rng.nextInt(-160, 140));
            assertEquals((double) (float) x, FLOAT32.round(x), "x = " + x);
        }
        assertEquals(Float.floatToRawIntBits(0.1f), FLOAT32.bits(0.1));
    }

    @Test
    void bitsAndFromBitsAreInverseOnEveryPattern() {
        for (FloatFormat f : new FloatFormat[] {BFLOAT16, FLOAT16}) {
            for (long b = 0; b < (1 << 16); b++) {
                double v = f.fromBits(b);
                if (Double.isNaN(v)) {
                    continue;
                }
                assertEquals(b, f.bits(v), f + " pattern 0x" + Long.toHexString(b));
                assertEquals(v, f.round(v), f + " value " + v + " is representable");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> FLOAT16.fromBits(1 << 16));
    }

    @Test
    void constantsAndUlp() {
        assertEquals(65504.0, FLOAT16.maxFinite());
        assertEquals(Math.scalb(1.0, -14), FLOAT16.minNormal());
        assertEquals(Math.scalb(1.0, -8), BFLOAT16.unitRoundoff());
        assertEquals(Math.scalb(1.0, -7), BFLOAT16.ulp(1.0));
        assertEquals(Math.scalb(1.0, -6), BFLOAT16.ulp(3.0));
        assertEquals(Math.scalb(1.0, -24), FLOAT16.ulp(0.0));
        assertEquals(Float.MAX_VALUE, FLOAT32.maxFinite());
    }
}
