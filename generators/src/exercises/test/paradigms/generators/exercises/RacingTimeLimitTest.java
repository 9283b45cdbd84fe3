package paradigms.generators.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;
import paradigms.generators.exercises.Scenes.Catching;
import paradigms.generators.exercises.Scenes.FailingAfter;
import paradigms.generators.exercises.Scenes.Outcome;
import paradigms.generators.exercises.Scenes.Sleeper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code first-of}, part 2 (generators/README.md, Exercises for
 * you, 1): {@link RacingTimeLimit} — the work's result or exception as it is when it wins; a
 * cancelled and awaited loser and a {@link TimeoutException} when the time wins; no timer and
 * no work left behind, even when the race itself is cancelled. On a {@link VirtualClock}: the
 * clock at the end shows whether a timer or a task outlived the race (the loop would have
 * jumped to its deadline).
 */
@Tag("exercise")
@Tag("first-of")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class RacingTimeLimitTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final VirtualClock clock = new VirtualClock();
    private final EventLoop loop = new EventLoop(clock);
    private final Scheduler scheduler = new Scheduler(loop);
    private final List<Throwable> reported = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    {
        loop.setErrorHandler((context, error) -> reported.add(error));
    }

    @AfterEach
    void closeTheLoop() {
        loop.close();
    }

    @Test
    void workWithinTheLimitReturnsItsResultAndNoTimerOutlivesTheRace() {
        String result = scheduler.run(new RacingTimeLimit<>(scheduler, AN_HOUR, new Sleeper("work", Duration.ofSeconds(1), log)));

        assertEquals("work", result);
        assertEquals(Duration.ofSeconds(1).toNanos(), clock.nanoTime(), "the loop ended at 1 s: the hour's timer was cancelled");
        assertEquals(List.of("work woke", "work cleaned up"), log);
        assertEquals(List.of(), reported);
    }

    @Test
    void whenTheTimeWinsTheLoserIsCancelledAndAwaitedBeforeTheTimeoutComesOut() {
        var main = new Catching(new RacingTimeLimit<>(scheduler, Duration.ofMillis(50), new Sleeper("work", AN_HOUR, log))) {
            @Override
            protected Step<Outcome> resumeThrowing(Exception thrown) {
                log.add("the race threw " + thrown.getClass().getSimpleName());
                return super.resumeThrowing(thrown);
            }
        };

        Outcome outcome = scheduler.run(main);

        var timeout = assertInstanceOf(TimeoutException.class, outcome.thrown());
        assertTrue(timeout.getMessage().contains("work") && timeout.getMessage().contains("50"),
                "the message names the work and the limit: " + timeout.getMessage());
        assertEquals(List.of("work cleaned up", "the race threw TimeoutException"), log,
                "the loser's clean-up ran before the timeout came out: it was awaited");
        assertEquals(Duration.ofMillis(50).toNanos(), clock.nanoTime(), "nothing waited for the hour");
        assertEquals(List.of(), reported);
    }

    @Test
    void theWorksOwnExceptionComesOutAsItIsWhenItFailsInTime() {
        var broken = new IllegalStateException("the work broke");
        var racing = new RacingTimeLimit<>(scheduler, AN_HOUR, new FailingAfter(Duration.ofMillis(5), () -> broken));
        var thrown = assertThrows(IllegalStateException.class, () -> scheduler.run(racing));

        assertSame(broken, thrown, "not wrapped, not a timeout");
        assertEquals(Duration.ofMillis(5).toNanos(), clock.nanoTime(), "the hour's timer was cancelled");
        assertEquals(List.of(), reported, "the failure was delivered, so nobody reports it as never retrieved");
    }

    @Test
    void theWorkRunsInATaskOfItsOwnAndTheRacingTaskIsNeverCancelled() {
        List<Task<?>> tasks = new ArrayList<>();
        var work = new Sleeper("work", AN_HOUR, log, () -> tasks.add(scheduler.current()));
        var main = new Coroutine<String>() {
            private int step;

            @Override
            protected Step<String> resume(Object sent) {
                step++;
                if (step == 1) {
                    tasks.add(scheduler.current());
                    return yieldFrom(new Catching(new RacingTimeLimit<>(scheduler, Duration.ofMillis(20), work)));
                }
                if (step == 2) {
                    return sleep(Duration.ofMillis(30)); // a cancelled task would get a CancellationException here
                }
                return returning("went on");
            }

            @Override
            public String state() {
                return "STEP " + step;
            }
        };

        assertEquals("went on", scheduler.run(main), "after its timeout the racing task goes on as if nothing happened");
        assertEquals(2, tasks.size());
        assertNotSame(tasks.get(0), tasks.get(1), "the work ran in a task of its own");
        assertEquals(Duration.ofMillis(50).toNanos(), clock.nanoTime());
    }

    @Test
    void cancellingTheRaceCancelsTheWorkAndTheTimerToo() {
        List<Task<?>> race = new ArrayList<>();
        var racing = new RacingTimeLimit<>(scheduler, AN_HOUR, new Sleeper("work", AN_HOUR, log));
        loop.callSoon(() -> race.add(scheduler.spawn(racing)));
        loop.callLater(Duration.ofMillis(10), () -> race.getFirst().cancel());

        scheduler.run(new Sleeper("main", Duration.ofMillis(20), new ArrayList<>()));

        assertTrue(race.getFirst().isCancelled());
        assertTrue(log.contains("work cleaned up"), "the work was cancelled with the race: " + log);
        assertTrue(!log.contains("work woke"), "the work never finished its hour: " + log);
        assertEquals(Duration.ofMillis(20).toNanos(), clock.nanoTime(), "neither the work nor the timer kept the loop for an hour");
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        var work = new Sleeper("work", AN_HOUR, log);
        new RacingTimeLimit<>(scheduler, AN_HOUR, work); // a valid call is accepted
        assertNames("limit", assertThrows(IllegalArgumentException.class, () -> new RacingTimeLimit<>(scheduler, Duration.ZERO, work)));
        assertNames("limit", assertThrows(NullPointerException.class, () -> new RacingTimeLimit<>(scheduler, null, work)));
        assertNames("work", assertThrows(NullPointerException.class, () -> new RacingTimeLimit<String>(scheduler, AN_HOUR, null)));
        assertNames("scheduler", assertThrows(NullPointerException.class, () -> new RacingTimeLimit<>(null, AN_HOUR, work)));
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
