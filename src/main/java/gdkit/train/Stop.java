package gdkit.train;

/**
 * Why a run stops before its last step: the status it ends with and the reason in words, without
 * the step (the {@link Run} adds it). Returned by {@link Callback#check}.
 *
 * @param status DIVERGED, CONVERGED or STOPPED (not FINISHED: a run that finishes was not stopped)
 * @param reason e.g. {@code "loss is Infinity"}
 */
public record Stop(Run.Status status, String reason) {
    /** @throws IllegalArgumentException if {@code status} is FINISHED or null, or {@code reason} is null */
    public Stop {
        if (status == null || status == Run.Status.FINISHED) {
            throw new IllegalArgumentException("a stop's status must be DIVERGED, CONVERGED or STOPPED, got " + status);
        }
        if (reason == null) {
            throw new IllegalArgumentException("a stop needs a reason, got null");
        }
    }

    /** The run blew up. */
    public static Stop diverged(String reason) {
        return new Stop(Run.Status.DIVERGED, reason);
    }

    /** The run reached its goal, e.g. a tolerance. */
    public static Stop converged(String reason) {
        return new Stop(Run.Status.CONVERGED, reason);
    }

    /** Another condition ended the run, e.g. early stopping when the loss stops improving. */
    public static Stop stopped(String reason) {
        return new Stop(Run.Status.STOPPED, reason);
    }
}
