package gdkit.optim;

/**
 * An optimizer that gives every coordinate its own step size, computed from the squared gradients
 * it has seen (AdaGrad, RMSProp, Adam, AdamW). Lets a notebook watch those step sizes evolve.
 */
public interface Adaptive extends Optimizer {
    /**
     * Writes each coordinate's current effective step into {@code out}: the factor
     * {@code lr / (sqrt(accumulator) + eps)} that multiplies the gradient (AdaGrad, RMSProp) or the
     * bias-corrected first moment (Adam, AdamW) in the next update, at the base learning rate (a
     * schedule multiplies it by its factor).
     * Before the first step there is no accumulator: every entry is {@code lr / eps}.
     *
     * @param out one entry per parameter; overwritten
     */
    void effectiveStep(double[] out);
}
