package gdkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.optim.Momentum;
import gdkit.optim.Schedules;

/**
 * One optimizer instance given to two trainers. Its state (the velocity) belongs to one run: run
 * one after the other, each run starts from fresh state and gives its solo result; overlapping
 * runs are refused with a message saying what to do, instead of silently mixing their velocities.
 */
class SharedOptimizerTest {
    private final LinearRegression line = new LinearRegression(Synthetic.line(100, 3, 2, 0.5, 42));
    private final double[] start = {0, 0};

    private Trainer trainer(Momentum opt) {
        return Trainer.of(line, opt).steps(60).schedule(Schedules.cosine(60));
    }

    @Test
    void runsOneAfterTheOtherEachGiveTheSoloResult() {
        Run solo = trainer(new Momentum(0.05, 0.9)).run(start);
        Momentum shared = new Momentum(0.05, 0.9);
        Run first = trainer(shared).run(start);
        Run second = trainer(shared).run(start);
        assertArrayEquals(solo.history().loss(), first.history().loss());
        assertArrayEquals(solo.history().loss(), second.history().loss());
        assertEquals(0.05, shared.learningRate(), "the schedule does not change the optimizer");
    }

    @Test
    void aSecondRunStartedFromAListenerIsRefusedAndTheFirstKeepsItsSoloResult() {
        Run solo = trainer(new Momentum(0.05, 0.9)).run(start);
        Momentum shared = new Momentum(0.05, 0.9);
        AtomicReference<IllegalStateException> refused = new AtomicReference<>();
        Run first = trainer(shared).listener((step, p, g, loss) -> {
            if (step == 10) {
                refused.set(assertThrows(IllegalStateException.class, () -> trainer(shared).run(start)));
            }
        }).run(start);
        assertNotNull(refused.get());
        assertTrue(refused.get().getMessage().contains("Momentum(lr=0.0500, beta=0.900) is already training in another run"),
                refused.get().getMessage());
        assertTrue(refused.get().getMessage().contains("give each run its own optimizer"), refused.get().getMessage());
        assertArrayEquals(solo.history().loss(), first.history().loss());
        assertArrayEquals(solo.params(), first.params());
    }

    @Test
    void aModelSharedByTwoOverlappingRunsIsRefusedToo() {
        Run solo = trainer(new Momentum(0.05, 0.9)).run(start);
        AtomicReference<IllegalStateException> refused = new AtomicReference<>();
        Run first = trainer(new Momentum(0.05, 0.9)).listener((step, p, g, loss) -> {
            if (step == 10) {
                refused.set(assertThrows(IllegalStateException.class, () -> trainer(new Momentum(0.05, 0.9)).run(start)));
            }
        }).run(start);
        assertTrue(refused.get().getMessage().contains("give each run its own model"), refused.get().getMessage());
        assertArrayEquals(solo.history().loss(), first.history().loss());
    }

    @Test
    void overlappingRunsOnTwoThreadsAreRefusedAndTheRunningOneIsUntouched() throws Exception {
        Run solo = trainer(new Momentum(0.05, 0.9)).run(start);
        Momentum shared = new Momentum(0.05, 0.9);
        CountDownLatch firstIsTraining = new CountDownLatch(1);
        CountDownLatch secondHasTried = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> first = pool.submit(() -> trainer(shared).listener((step, p, g, loss) -> {
                if (step == 10) {
                    firstIsTraining.countDown();
                    await(secondHasTried);
                }
            }).run(start));
            Future<Throwable> second = pool.submit(() -> {
                await(firstIsTraining);
                try {
                    trainer(shared).run(start);
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                } finally {
                    secondHasTried.countDown();
                }
            });
            Throwable refused = second.get(60, TimeUnit.SECONDS);
            assertNotNull(refused, "the second run was not refused");
            assertTrue(refused.getMessage().contains("already training in another run"), refused.getMessage());
            Run firstRun = first.get(60, TimeUnit.SECONDS);
            assertArrayEquals(solo.history().loss(), firstRun.history().loss());
            // once the first run is over the optimizer is free again
            assertArrayEquals(solo.history().loss(), trainer(shared).run(start).history().loss());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
