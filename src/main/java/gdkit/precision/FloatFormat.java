package gdkit.precision;

/**
 * Binary floating-point formats emulated in double precision: a value is stored in a format by
 * rounding it to the nearest value the format can represent, ties to the one with an even last
 * significand bit (IEEE 754's default), with gradual underflow to subnormals and overflow to
 * infinity. Used to show what training in low precision does without low-precision hardware.
 *
 * <table>
 *   <caption>The formats</caption>
 *   <tr><th>format</th><th>significand bits (with the implicit 1)</th><th>largest finite</th>
 *       <th>smallest normal</th><th>unit roundoff</th></tr>
 *   <tr><td>{@link #BFLOAT16}</td><td>8</td><td>3.39e38</td><td>1.18e-38</td><td>2^-8 = 0.39 %</td></tr>
 *   <tr><td>{@link #FLOAT16}</td><td>11</td><td>65504</td><td>6.10e-5</td><td>2^-11 = 0.049 %</td></tr>
 *   <tr><td>{@link #FLOAT32}</td><td>24</td><td>3.40e38</td><td>1.18e-38</td><td>2^-24 = 6.0e-8</td></tr>
 * </table>
 *
 * <p>bfloat16 keeps float32's exponent range with a short significand (it is the top half of a
 * float32); float16 has more significand bits but a much smaller range. Rounding is exact: a
 * double is rounded once, directly to the format (no intermediate float, so no double rounding).
 */
public enum FloatFormat {
    /** Google's brain float: 1 sign, 8 exponent, 7 stored significand bits. */
    BFLOAT16(8, 8),
    /** IEEE 754 half precision: 1 sign, 5 exponent, 10 stored significand bits. */
    FLOAT16(5, 11),
    /** IEEE 754 single precision: 1 sign, 8 exponent, 23 stored significand bits. */
    FLOAT32(8, 24);

    private final int exponentBits;
    private final int precision;
    private final int minExponent;
    private final int maxExponent;
    private final double maxFinite;

    FloatFormat(int exponentBits, int precision) {
        this.exponentBits = exponentBits;
        this.precision = precision;
        this.maxExponent = (1 << (exponentBits - 1)) - 1;
        this.minExponent = 1 - maxExponent;
        this.maxFinite = (2 - Math.scalb(1.0, 1 - precision)) * Math.scalb(1.0, maxExponent);
    }

    /** Significand bits, counting the implicit leading 1 (8 for bfloat16, 11 for float16). */
    public int precision() {
        return precision;
    }

    /** The largest finite value. */
    public double maxFinite() {
        return maxFinite;
    }

    /** The smallest positive normal value, 2^minExponent. */
    public double minNormal() {
        return Math.scalb(1.0, minExponent);
    }

    /** The smallest positive (subnormal) value. */
    public double minSubnormal() {
        return Math.scalb(1.0, minExponent - precision + 1);
    }

    /** Half the gap between 1 and the next value: the largest relative rounding error of a normal value. */
    public double unitRoundoff() {
        return Math.scalb(1.0, -precision);
    }

    /**
     * The value of this format nearest to {@code x} (ties to even); infinity beyond the largest
     * finite value (as IEEE rounding gives it), NaN stays NaN, the sign of zero is kept.
     */
    public double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        double a = Math.abs(x);
        int e = Math.max(Math.getExponent(a), minExponent); // subnormals share the smallest normal exponent
        int shift = precision - 1 - e; // scaled by 2^shift, the format's last significand bit is the units place
        double r = Math.scalb(Math.rint(Math.scalb(a, shift)), -shift); // both scalings are exact
        return Math.copySign(r > maxFinite ? Double.POSITIVE_INFINITY : r, x);
    }

    /** Rounds every entry of {@code values} to this format, in place. */
    public void roundInPlace(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = round(values[i]);
        }
    }

    /** The gap from |x| (rounded to this format) to the next larger value of the format. */
    public double ulp(double x) {
        double a = Math.abs(round(x));
        if (Double.isInfinite(a) || Double.isNaN(a)) {
            return Double.NaN;
        }
        int e = a == 0 ? minExponent : Math.max(Math.getExponent(a), minExponent);
        return Math.scalb(1.0, e - precision + 1);
    }

    /** The bit pattern of {@code round(x)} in this format (sign, exponent, stored significand), right-aligned. */
    public long bits(double x) {
        int width = 1 + exponentBits + precision - 1;
        long sign = (Double.doubleToRawLongBits(x) < 0 ? 1L : 0L) << (width - 1);
        int fractionBits = precision - 1;
        long maxField = (1L << exponentBits) - 1;
        if (Double.isNaN(x)) {
            return (maxField << fractionBits) | (1L << (fractionBits - 1)); // the quiet NaN
        }
        double r = Math.abs(round(x));
        if (Double.isInfinite(r)) {
            return sign | (maxField << fractionBits);
        }
        if (r < minNormal()) { // zero or subnormal: exponent field 0, significand counts min subnormals
            return sign | (long) (r / minSubnormal());
        }
        int e = Math.getExponent(r);
        long fraction = (long) (Math.scalb(r, fractionBits - e)) - (1L << fractionBits);
        return sign | ((long) (e + maxExponent) << fractionBits) | fraction;
    }

    /** The value whose bit pattern in this format is {@code bits} (the inverse of {@link #bits}). */
    public double fromBits(long bits) {
        int fractionBits = precision - 1;
        int width = 1 + exponentBits + fractionBits;
        if (bits < 0 || bits >= (1L << width)) {
            throw new IllegalArgumentException(name() + " has " + width + "-bit patterns, got 0x" + Long.toHexString(bits));
        }
        double sign = ((bits >>> (width - 1)) & 1) == 1 ? -1 : 1;
        long field = (bits >>> fractionBits) & ((1L << exponentBits) - 1);
        long fraction = bits & ((1L << fractionBits) - 1);
        if (field == (1L << exponentBits) - 1) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (field == 0) {
            return sign * fraction * minSubnormal();
        }
        return sign * Math.scalb(1.0 + Math.scalb((double) fraction, -fractionBits), (int) field - maxExponent);
    }
}
