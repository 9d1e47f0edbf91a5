/**
 * Low-precision arithmetic, emulated: rounding to bfloat16, float16 and float32
 * ({@link gdkit.precision.FloatFormat}) and dynamic loss scaling
 * ({@link gdkit.precision.DynamicLossScaler}), for the numerical-stability notebook.
 */
package gdkit.precision;
