package paradigms.callbacks.loop;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Repeating}: fixed delay, and what happens when its action throws — the repetition
 * stops (as {@code ScheduledExecutorService} does) and says so through the loop's error
 * handler; it never just falls silent. On a {@link VirtualClock}: no test waits for real time.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class RepeatingTest {

    private record Report(String context, Throwable error) {
    }

    @Test
    void runsEveryIntervalUntilCancelled() {
        var clock = new VirtualClock();
        List<Long> runsAt = new ArrayList<>();
        try (var loop = new EventLoop(clock)) {
            var repeating = new Repeating[1];
            repeating[0] = Repeating.every(loop, Duration.ofMillis(10), () -> {
                runsAt.add(Duration.ofNanos(loop.nanoTime()).toMillis());
                if (runsAt.size() == 4) {
                    repeating[0].cancel();
                }
            });
            loop.run(); // returns once the cancelled repetition leaves no work
            assertNull(repeating[0].failure(), "cancelled, not failed");
        }
        assertEquals(List.of(0L, 10L, 20L, 30L), runsAt);
    }

    @Test
    void anActionThatThrowsIsReportedOnceAsTheEndOfTheRepetitionAndNeverRunsAgain() {
        var clock = new VirtualClock();
        var boom = new IllegalStateException("the action broke on its third run");
        List<Report> reports = new ArrayList<>();
        int[] runs = {0};
        Repeating repeating;
        try (var loop = new EventLoop(clock)) {
            loop.setErrorHandler((context, error) -> reports.add(new Report(context, error)));
            repeating = Repeating.every(loop, Duration.ofMillis(5), () -> {
                runs[0]++;
                if (runs[0] == 3) {
                    throw boom;
                }
            });
            // Other work that outlives the failure: the loop must go on, and the repetition stay dead.
            loop.callLater(Duration.ofMillis(100), () -> { });
            loop.run();
            repeating.cancel(); // the owner's usual clean-up, after the failure: harmless
        }
        assertEquals(3, runs[0], "no run after the one that threw");
        assertEquals(1, reports.size(), "reported exactly once: " + reports);
        Report report = reports.getFirst();
        assertSame(boom, report.error(), "the action's own exception, not a wrapper");
        assertTrue(report.context().contains("will not run again"),
                "the report says the repetition stopped, not just that a callback failed: " + report.context());
        assertSame(boom, repeating.failure(), "the owner can ask why its repetition stopped");
    }

    @Test
    void anErrorThrownByTheActionIsReportedTooAndTheLoopEnds() {
        var clock = new VirtualClock();
        List<Report> reports = new ArrayList<>();
        var error = new AssertionError("an Error, not an Exception");
        Repeating repeating;
        try (var loop = new EventLoop(clock)) {
            loop.setErrorHandler((context, e) -> reports.add(new Report(context, e)));
            repeating = Repeating.every(loop, Duration.ofMillis(5), () -> {
                throw error;
            });
            loop.run(); // nothing else to do: the stopped repetition leaves no timer behind
        }
        assertEquals(1, reports.size(), "reported exactly once: " + reports);
        assertSame(error, reports.getFirst().error());
        assertSame(error, repeating.failure());
    }
}
