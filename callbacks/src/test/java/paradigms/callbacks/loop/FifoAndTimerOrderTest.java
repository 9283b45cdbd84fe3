package paradigms.callbacks.loop;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: the loop's scheduling order, on virtual time — no test here waits for a real
 * millisecond, so the order it checks cannot depend on how loaded the machine is.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class FifoAndTimerOrderTest {

    private final VirtualClock clock = new VirtualClock();
    private final List<String> ran = new ArrayList<>();

    @Test
    void readyCallbacksRunFirstInFirstOut() {
        try (var loop = new EventLoop(clock)) {
            loop.callSoon(() -> ran.add("a"));
            loop.callSoon(() -> ran.add("b"));
            loop.callSoon(() -> ran.add("c"));
            loop.run();
        }
        assertEquals(List.of("a", "b", "c"), ran);
    }

    /** Fairness: a callback scheduled by a running callback queues up behind those already waiting. */
    @Test
    void aCallbackScheduledWhileOthersWaitRunsAfterThem() {
        try (var loop = new EventLoop(clock)) {
            loop.callSoon(() -> {
                ran.add("a");
                loop.callSoon(() -> ran.add("a's follow-up"));
            });
            loop.callSoon(() -> ran.add("b"));
            loop.callSoon(() -> ran.add("c"));
            loop.run();
        }
        assertEquals(List.of("a", "b", "c", "a's follow-up"), ran);
    }

    /** A task that keeps re-scheduling itself takes turns with the others instead of running to its end. */
    @Test
    void twoSelfReschedulingTasksTakeTurns() {
        try (var loop = new EventLoop(clock)) {
            loop.callSoon(new Steps("x", 3, loop));
            loop.callSoon(new Steps("y", 3, loop));
            loop.run();
        }
        assertEquals(List.of("x0", "y0", "x1", "y1", "x2", "y2"), ran);
    }

    private final class Steps implements Runnable {
        private final String name;
        private final int count;
        private final EventLoop loop;
        private int done;

        Steps(String name, int count, EventLoop loop) {
            this.name = name;
            this.count = count;
            this.loop = loop;
        }

        @Override
        public void run() {
            ran.add(name + done++);
            if (done < count) {
                loop.callSoon(this);
            }
        }
    }

    @Test
    void timersFireInDeadlineOrderAndEqualDeadlinesInSchedulingOrder() {
        List<Long> firedAtMillis = new ArrayList<>();
        try (var loop = new EventLoop(clock)) {
            for (var pair : List.of(List.of("c", 30), List.of("a1", 10), List.of("a2", 10), List.of("b", 20), List.of("a3", 10))) {
                String name = (String) pair.get(0);
                int millis = (Integer) pair.get(1);
                loop.callLater(Duration.ofMillis(millis), () -> {
                    ran.add(name);
                    firedAtMillis.add(loop.nanoTime() / 1_000_000);
                });
            }
            loop.run();
        }
        assertEquals(List.of("a1", "a2", "a3", "b", "c"), ran);
        assertEquals(List.of(10L, 10L, 10L, 20L, 30L), firedAtMillis, "each timer fired exactly at its virtual deadline");
    }

    @Test
    void readyCallbacksRunBeforeATimerThatIsAlreadyDue() {
        try (var loop = new EventLoop(clock)) {
            loop.callLater(Duration.ZERO, () -> ran.add("timer due now"));
            loop.callSoon(() -> ran.add("ready"));
            loop.run();
        }
        assertEquals(List.of("ready", "timer due now"), ran);
    }

    @Test
    void anHourOfVirtualTimePassesWithoutWaiting() {
        long[] firedAt = new long[1];
        try (var loop = new EventLoop(clock)) {
            loop.callLater(Duration.ofHours(1), () -> firedAt[0] = loop.nanoTime());
            loop.run();
        }
        assertEquals(Duration.ofHours(1).toNanos(), firedAt[0]);
    }

    @Test
    void aCancelledTimerNeverRunsAndTheLoopDoesNotWaitForIt() {
        try (var loop = new EventLoop(clock)) {
            Timer never = loop.callLater(Duration.ofHours(1), () -> ran.add("cancelled timer"));
            loop.callLater(Duration.ofSeconds(1), () -> {
                ran.add("canceller");
                assertTrue(never.cancel(), "cancel() of a pending timer succeeds");
                assertFalse(never.cancel(), "a second cancel() reports that there was nothing to cancel");
            });
            loop.run();
            assertEquals(List.of("canceller"), ran);
            assertEquals(Duration.ofSeconds(1).toNanos(), loop.nanoTime(), "the clock never moved on to the cancelled deadline");
        }
    }

    @Test
    void aTimerCancelledAfterBecomingDueButBeforeRunningDoesNotRun() {
        try (var loop = new EventLoop(clock)) {
            Timer[] second = new Timer[1];
            loop.callLater(Duration.ofMillis(5), () -> {
                ran.add("first");
                second[0].cancel(); // both were due in the same tick: the second is already in the ready queue
            });
            second[0] = loop.callLater(Duration.ofMillis(5), () -> ran.add("second"));
            loop.run();
        }
        assertEquals(List.of("first"), ran);
    }

    @Test
    void cancelAfterTheTimerRanReturnsFalse() {
        try (var loop = new EventLoop(clock)) {
            Timer timer = loop.callLater(Duration.ofMillis(1), () -> ran.add("ran"));
            loop.run();
            assertFalse(timer.cancel());
        }
        assertEquals(List.of("ran"), ran);
    }

    @Test
    void manyCancelledTimersAreCompactedAwayAndTheLiveOnesStillFireInOrder() {
        try (var loop = new EventLoop(clock)) {
            List<Timer> doomed = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                Timer timer = loop.callLater(Duration.ofMillis(1 + i % 50), () -> ran.add("t" + n));
                if (n % 10 != 0) {
                    doomed.add(timer);
                }
            }
            doomed.forEach(Timer::cancel);
            loop.run();
        }
        List<String> expected = new ArrayList<>();
        for (int millis = 1; millis <= 50; millis++) {
            for (int i = 0; i < 2_000; i += 10) {
                if (1 + i % 50 == millis) {
                    expected.add("t" + i);
                }
            }
        }
        assertEquals(expected, ran);
    }
}
