package gdkit.train;

import java.util.Locale;

/**
 * The result of a training run: how it ended, the final parameters and the {@link History}.
 * Divergence is a result, not an exception: {@link #diverged()} says whether training blew up,
 * {@link #stopStep()} and {@link #reason()} say at which step and why, and {@link #message()}
 * puts it in one line. Immutable, so safe to share between threads.
 */
public final class Run {
    /** How a run ended. */
    public enum Status {
        /** All requested steps were taken without divergence. */
        FINISHED,
        /** The gradient norm fell below the tolerance. */
        CONVERGED,
        /** The loss or gradient became non-finite or blew up. */
        DIVERGED,
        /** A stop condition of the trainer's callbacks (e.g. early stopping) ended the run. */
        STOPPED
    }

    private final Status status;
    private final int stopStep;
    private final String reason;
    private final double[] finalParams;
    private final double finalLoss;
    private final History history;
    private final String optimizer;
    private final boolean plainGradientSteps;

    Run(Status status, int stopStep, String reason, double[] finalParams, double finalLoss, History history, String optimizer,
            boolean plainGradientSteps) {
        this.status = status;
        this.stopStep = stopStep;
        this.reason = reason;
        this.finalParams = finalParams;
        this.finalLoss = finalLoss;
        this.history = history;
        this.optimizer = optimizer;
        this.plainGradientSteps = plainGradientSteps;
    }

    public Status status() {
        return status;
    }

    /**
     * The step at which the run stopped: the step that diverged, converged or met a stop condition
     * (before its update), or the number of steps taken if it finished.
     */
    public int stopStep() {
        return stopStep;
    }

    /**
     * Why the run stopped, without the step, e.g. {@code "loss is Infinity"} or
     * {@code "gradient norm 9.8e-07 < tolerance 1e-06"}; empty if it finished all its steps.
     */
    public String reason() {
        return reason;
    }

    /** The optimizer's description, e.g. {@code "GD(lr=0.1)"}. */
    public String optimizer() {
        return optimizer;
    }

    /**
     * Whether every update was a plain gradient step {@code theta -= lr * g} (plain
     * {@link gdkit.optim.GradientDescent}, no gradient transform such as clipping), so that a step's
     * length is known from the learning rate and the gradient alone; {@link Health} relies on it.
     */
    public boolean plainGradientSteps() {
        return plainGradientSteps;
    }

    /** True if training blew up (non-finite loss or gradient, or loss past the blow-up factor). */
    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    /** True if the gradient norm fell below the tolerance. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** The step at which the run diverged, or -1 if it did not. */
    public int divergedAt() {
        return diverged() ? stopStep : -1;
    }

    /** The step at which the gradient norm fell below the tolerance, or -1. */
    public int convergedAt() {
        return converged() ? stopStep : -1;
    }

    /** The parameters when training stopped (a copy). */
    public double[] params() {
        return finalParams.clone();
    }

    /** The loss on the whole objective at the final parameters (NaN or infinite if diverged). */
    public double finalLoss() {
        return finalLoss;
    }

    public History history() {
        return history;
    }

    /** One line saying how the run ended, e.g. {@code "diverged at step 17: loss is Infinity"}. */
    public String message() {
        return switch (status) {
            case DIVERGED -> String.format(Locale.ROOT, "%s diverged at step %d: %s", optimizer, stopStep, reason);
            case CONVERGED -> String.format(Locale.ROOT, "%s converged at step %d: %s, loss %.6g",
                    optimizer, stopStep, reason, finalLoss);
            case STOPPED -> String.format(Locale.ROOT, "%s stopped at step %d: %s, loss %.6g",
                    optimizer, stopStep, reason, finalLoss);
            case FINISHED -> String.format(Locale.ROOT, "%s finished %d steps: loss %.6g", optimizer,
                    history.steps(), finalLoss);
        };
    }

    @Override
    public String toString() {
        return message();
    }
}
