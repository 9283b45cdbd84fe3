package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Acceptance test of exercise {@code fixed-rate} (callbacks/README.md, Exercises for you, 1):
 * {@link FixedRate#every} — the schedule, the first beat, late and skipped beats, cancelling
 * (before the first beat, from inside a beat, when a beat is already due), a beat that throws,
 * bad arguments. All but the last test run on a {@link VirtualClock}: the times are exact and
 * no test waits for real time. The loop runs on a thread of its own, so that a repetition that
 * never stops fails the test instead of hanging it.
 */
@Tag("exercise")
@Tag("fixed-rate")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FixedRateTest {

    private static final Duration TEN_MS = Duration.ofMillis(10);
    /** Not 0: a solution must schedule from the loop's clock, not from time zero. */
    private static final long START_NANOS = Duration.ofSeconds(1000).toNanos();
    /** More beats than any test expects: a repetition that runs away stops the loop instead of filling memory. */
    private static final int RUNAWAY = 1_000;

    private final VirtualClock clock = new VirtualClock(START_NANOS);
    private final EventLoop loop = new EventLoop(clock);
    /** What the loop reported to its error handler; each test says what it expects there. */
    private final List<Throwable> reported = new ArrayList<>();
    /** The beats' start times, in ms after START_NANOS. Loop thread while it runs; read after join. */
    private final List<Long> beatsAt = new ArrayList<>();

    {
        loop.setErrorHandler((context, error) -> reported.add(error));
    }

    @AfterEach
    void closeTheLoop() {
        loop.close();
    }

    @Test
    void theFirstBeatRunsOnALaterTickAtTheStartThenOneBeatPerInterval() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 4) {
                repetition.get().cancel();
            }
        })));
        assertEquals(List.of(), beatsAt, "no beat may run inside every() itself: the first runs on a later tick");

        runUntilItReturns();

        assertEquals(List.of(0L, 10L, 20L, 30L), beatsAt, "beat k at start + k × interval, the first one at the start");
        assertEquals(0, repetition.get().skipped());
        assertNothingReported();
    }

    @Test
    void aBeatThatTakesTimeDoesNotMoveTheSchedule() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            clock.advance(Duration.ofMillis(3)); // each beat "works" for 3 ms
            if (n == 100) {
                repetition.get().cancel();
            }
        })));

        runUntilItReturns();

        assertEquals(100, beatsAt.size());
        assertEquals(List.of(0L, 10L, 20L, 30L), beatsAt.subList(0, 4),
                "fixed rate: 0, 10, 20… — a fixed delay would give 0, 13, 26…");
        assertEquals(990L, beatsAt.getLast(), "no drift after 100 beats");
        assertEquals(0, repetition.get().skipped());
        assertNothingReported();
    }

    @Test
    void aBeatThatEndsExactlyWhenTheNextIsDueDoesNotSkipIt() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 2) {
                clock.advance(TEN_MS); // the beat at 10 ends at 20, when the next one is due: not in the past
            }
            if (n == 4) {
                repetition.get().cancel();
            }
        })));

        runUntilItReturns();

        assertEquals(List.of(0L, 10L, 20L, 30L), beatsAt);
        assertEquals(0, repetition.get().skipped(), "a beat due exactly now is not in the past");
        assertNothingReported();
    }

    @Test
    void aBeatThatOverrunsSkipsTheBeatsWhoseTimePassedInsteadOfRunningThemInABurst() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 2) {
                clock.advance(Duration.ofMillis(25)); // the beat at 10 ends at 35: 20 and 30 are in the past
            }
            if (n == 4) {
                repetition.get().cancel();
            }
        })));

        runUntilItReturns();

        assertEquals(List.of(0L, 10L, 40L, 50L), beatsAt, "back on the schedule at 40, no catching up");
        assertEquals(2, repetition.get().skipped(), "the beats due at 20 and 30");
        assertNothingReported();
    }

    @Test
    void aBeatHeldUpByAnotherCallbackRunsLateOnceAndTheOnesMissedMeanwhileAreSkipped() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 5) {
                repetition.get().cancel();
            }
        })));
        // Another callback hogs the loop from 15 to 37 ms: the beat due at 20 cannot run before 37.
        loop.callLater(Duration.ofMillis(15), () -> clock.advance(Duration.ofMillis(22)));

        runUntilItReturns();

        assertEquals(List.of(0L, 10L, 37L, 40L, 50L), beatsAt,
                "one late beat at 37, then back on the schedule: 30 is skipped, not run in a burst");
        assertEquals(1, repetition.get().skipped());
        assertNothingReported();
    }

    @Test
    void cancelFromInsideABeatLetsThatBeatFinishRunsNoOtherAndLeavesNoTimer() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        List<Boolean> cancelAnswers = new ArrayList<>();
        List<Long> afterCancel = new ArrayList<>();
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 3) {
                cancelAnswers.add(repetition.get().cancel());
                afterCancel.add(n); // the rest of the beat still runs
            }
        })));

        runUntilItReturns(); // returns only if the cancelled repetition left no timer behind

        assertEquals(List.of(0L, 10L, 20L), beatsAt);
        assertEquals(List.of(true), cancelAnswers, "the first cancel() stops it and says so");
        assertEquals(List.of(3L), afterCancel);
        assertFalse(repetition.get().cancel(), "a second cancel() has nothing to stop");
        assertNull(repetition.get().failure(), "cancelled, not failed");
        assertNothingReported();
    }

    @Test
    void cancelBeforeTheFirstBeatRunsNoBeatAtAll() throws InterruptedException {
        FixedRate repetition = FixedRate.every(loop, TEN_MS, beat(n -> { }));
        assertTrue(repetition.cancel(), "the first cancel() stops it");
        assertFalse(repetition.cancel(), "the second has nothing to stop");

        runUntilItReturns();

        assertEquals(List.of(), beatsAt);
        assertNothingReported();
    }

    @Test
    void aCancelThatComesWhenTheBeatIsAlreadyDueStillStopsIt() throws InterruptedException {
        var repetition = new AtomicReference<FixedRate>();
        // Scheduled first, due at 20 like the third beat: the loop queues it before that beat in
        // the same batch, so the beat is already due (in the ready queue) when it is cancelled.
        loop.callLater(Duration.ofMillis(20), () -> assertTrue(repetition.get().cancel()));
        repetition.set(FixedRate.every(loop, TEN_MS, beat(n -> { })));

        runUntilItReturns();

        assertEquals(List.of(0L, 10L), beatsAt, "the beat due at 20 was cancelled after it became due, and did not run");
        assertNothingReported();
    }

    @Test
    void aBeatThatThrowsEndsTheRepetitionAndIsReportedOnce() throws InterruptedException {
        var boom = new IllegalStateException("the third beat broke");
        FixedRate repetition = FixedRate.every(loop, TEN_MS, beat(n -> {
            if (n == 3) {
                throw boom;
            }
        }));
        // Work that outlives the failure: the loop goes on, the repetition must stay dead.
        loop.callLater(Duration.ofMillis(100), () -> { });

        runUntilItReturns();

        assertEquals(List.of(0L, 10L, 20L), beatsAt, "no beat after the one that threw");
        assertEquals(List.of(boom), reported, "reported exactly once, the beat's own exception, not a wrapper");
        assertSame(boom, repetition.failure(), "the owner can ask why the repetition stopped");
        assertFalse(repetition.cancel(), "after a failure there is nothing left to cancel");
    }

    @Test
    void aBeatThatThrowsAnErrorEndsItTooAndLeavesNoTimer() throws InterruptedException {
        var error = new AssertionError("an Error, not an Exception");
        FixedRate repetition = FixedRate.every(loop, TEN_MS, beat(n -> {
            throw error;
        }));

        runUntilItReturns(); // nothing else to do: returns only if no timer is left

        assertEquals(List.of(0L), beatsAt);
        assertEquals(List.of(error), reported);
        assertSame(error, repetition.failure());
    }

    @Test
    void badArgumentsAreRefusedWithAMessageThatNamesThem() {
        Runnable nothing = () -> { };
        assertTrue(FixedRate.every(loop, TEN_MS, nothing).cancel(), "a valid call works");
        assertMessageNames("loop", assertThrows(NullPointerException.class, () -> FixedRate.every(null, TEN_MS, nothing)));
        assertMessageNames("interval", assertThrows(NullPointerException.class, () -> FixedRate.every(loop, null, nothing)));
        assertMessageNames("beat", assertThrows(NullPointerException.class, () -> FixedRate.every(loop, TEN_MS, null)));
        assertMessageNames("interval",
                assertThrows(IllegalArgumentException.class, () -> FixedRate.every(loop, Duration.ZERO, nothing)));
        assertMessageNames("interval",
                assertThrows(IllegalArgumentException.class, () -> FixedRate.every(loop, Duration.ofMillis(-5), nothing)));
    }

    @Test
    void onTheRealClockNoBeatRunsBeforeItsTime() throws InterruptedException {
        Duration interval = Duration.ofMillis(5);
        List<Long> nanos = new ArrayList<>();
        try (var realLoop = new EventLoop()) {
            realLoop.setErrorHandler((context, error) -> reported.add(error));
            var repetition = new AtomicReference<FixedRate>();
            long before = realLoop.nanoTime();
            repetition.set(FixedRate.every(realLoop, interval, () -> {
                nanos.add(realLoop.nanoTime());
                if (nanos.size() == 5) {
                    repetition.get().cancel();
                }
            }));
            runUntilItReturns(realLoop);
            for (int k = 0; k < nanos.size(); k++) {
                long earliest = before + k * interval.toNanos();
                assertTrue(nanos.get(k) - earliest >= 0,
                        "beat " + k + " ran " + (earliest - nanos.get(k)) + " ns before its time: timers never fire early");
            }
        }
        assertEquals(5, nanos.size());
        assertNothingReported();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A beat that records when it started (ms after START_NANOS), then runs {@code body} with
     * its number (1 for the first). Stops the loop if the repetition runs away.
     */
    private Runnable beat(Consumer<Long> body) {
        return () -> {
            beatsAt.add(Duration.ofNanos(clock.nanoTime() - START_NANOS).toMillis());
            if (beatsAt.size() > RUNAWAY) {
                loop.stop();
                return;
            }
            body.accept((long) beatsAt.size());
        };
    }

    private void runUntilItReturns() throws InterruptedException {
        runUntilItReturns(loop);
    }

    /**
     * Runs the loop on a thread of its own until {@code run()} returns — which it does only
     * when no work is left. A stopped repetition that left a timer behind keeps it running: then
     * the loop is stopped and the test fails, saying so.
     */
    private static void runUntilItReturns(EventLoop loop) throws InterruptedException {
        var failure = new AtomicReference<Throwable>();
        Thread runner = Thread.ofPlatform().name("fixed-rate-test-loop").start(() -> {
            try {
                loop.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        if (!runner.join(TestTimeouts.LONG)) {
            loop.stop();
            runner.join(TestTimeouts.LONG);
            fail("loop.run() did not return: a stopped repetition must leave no timer behind");
        }
        if (failure.get() != null) {
            throw new AssertionError("loop.run() threw", failure.get());
        }
    }

    private void assertNothingReported() {
        assertEquals(List.of(), reported, "nothing should have reached the loop's error handler");
    }

    private static void assertMessageNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
