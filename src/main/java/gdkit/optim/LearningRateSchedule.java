package gdkit.optim;

/**
 * How the learning rate changes over training: the trainer sets the optimizer's rate to
 * {@code base * factor(step)} before each step. Composable with any optimizer.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The multiplier of the base learning rate at {@code step} (0-based); finite and {@code > 0}.
     */
    double factor(int step);

    /** The constant schedule: factor 1 at every step. */
    static LearningRateSchedule constant() {
        return step -> 1.0;
    }
}
