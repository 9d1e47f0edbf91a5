package gdkit.optim;

/**
 * What {@link Adam} and {@link AdamW} share: the bias-corrected first and second moments and the
 * effective step they give; they differ only in what else happens in an update.
 */
abstract class AdamFamily extends StatefulOptimizer implements Adaptive {
    final AdamMoments moments;

    AdamFamily(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.moments = new AdamMoments(beta1, beta2, epsilon);
    }

    @Override
    final void allocate(int n) {
        moments.allocate(n);
    }

    @Override
    final void clear() {
        moments.clear();
    }

    @Override
    public final void effectiveStep(double[] out) {
        requireStateLength(out);
        moments.effectiveStep(out, learningRate(), steps);
    }
}
