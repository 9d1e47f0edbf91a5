package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SchedulesTest {
    @Test
    void stepDecayHalvesEveryTenSteps() {
        LearningRateSchedule s = Schedules.stepDecay(10, 0.5);
        assertEquals(1.0, s.factor(0));
        assertEquals(1.0, s.factor(9));
        assertEquals(0.5, s.factor(10));
        assertEquals(0.25, s.factor(25));
        assertEquals("step decay (x0.500 every 10 steps)", s.toString());
    }

    @Test
    void exponentialIsGammaToTheStep() {
        LearningRateSchedule s = Schedules.exponential(0.9);
        assertEquals(1.0, s.factor(0));
        assertEquals(0.81, s.factor(2), 1e-15);
        assertEquals(0.3486784401, s.factor(10), 1e-10); // 0.9^10
        assertTrue(s.factor(100_000) > 0, "stays positive after gamma^t underflows");
    }

    @Test
    void inverseTimeHalvesAfterTheHalfLife() {
        LearningRateSchedule s = Schedules.inverseTime(10);
        assertEquals(1.0, s.factor(0));
        assertEquals(0.5, s.factor(10), 1e-15);
        assertEquals(0.25, s.factor(30), 1e-15);
        assertEquals(1.0 / 11, s.factor(100), 1e-15);
    }

    @Test
    void cosineGoesFromOneTowardsTheMinimumAndHoldsAtTheEnd() {
        LearningRateSchedule s = Schedules.cosine(100);
        assertEquals(1.0, s.factor(0));
        assertEquals(0.5, s.factor(50), 1e-15);
        // (1 + cos(0.99 pi)) / 2 = (1 - 0.9995066) / 2
        assertEquals(2.4671981e-4, s.factor(99), 1e-10);
        assertEquals(s.factor(99), s.factor(150));
        LearningRateSchedule floored = Schedules.cosine(100, 0.1);
        assertEquals(0.55, floored.factor(50), 1e-15); // 0.1 + 0.9 * 0.5
    }

    @Test
    void warmupRampsLinearlyAndMultipliesTheNextSchedule() {
        LearningRateSchedule s = Schedules.warmup(4, Schedules.cosine(100));
        assertEquals(0.25, s.factor(0), 1e-15);
        // 2/4 * (1 + cos(pi / 100)) / 2 = 0.5 * 0.99975328
        assertEquals(0.4998766401, s.factor(1), 1e-10);
        assertEquals(Schedules.cosine(100).factor(3), s.factor(3), 1e-15);
        assertEquals(0.5, s.factor(50), 1e-15);
        assertEquals("warm-up (4 steps) then cosine (100 steps)", s.toString());
        LearningRateSchedule plain = Schedules.warmup(5);
        assertEquals(0.2, plain.factor(0), 1e-15);
        assertEquals(1.0, plain.factor(4), 1e-15);
        assertEquals(1.0, plain.factor(1000), 1e-15);
    }

    private static void assertRejected(Executable make, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, make).getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertRejected(() -> Schedules.stepDecay(0, 0.5), "everySteps must be >= 1, got 0");
        assertRejected(() -> Schedules.stepDecay(10, 1.5), "gamma must be in (0, 1], got 1.5");
        assertRejected(() -> Schedules.exponential(0), "gamma must be in (0, 1], got 0.0");
        assertRejected(() -> Schedules.exponential(Double.NaN), "gamma must be in (0, 1], got NaN");
        assertRejected(() -> Schedules.inverseTime(-3), "halfLife must be a finite number > 0, got -3.0");
        assertRejected(() -> Schedules.cosine(0), "totalSteps must be >= 1, got 0");
        assertRejected(() -> Schedules.cosine(10, 1.0), "minFactor must be in [0, 1), got 1.0");
        assertRejected(() -> Schedules.warmup(0), "steps must be >= 1, got 0");
        assertRejected(() -> Schedules.warmup(5, null), "then must be a schedule, got null");
        assertRejected(() -> Schedules.cosine(10).factor(-1), "step must be >= 0, got -1");
    }
}
