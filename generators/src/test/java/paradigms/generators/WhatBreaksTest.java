package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.CoroutineTraceback;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;
import paradigms.generators.coroutine.TimeLimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How coroutines on one loop go wrong: everything still rests on each coroutine giving the
 * thread back, and a hand-written state machine checks nothing at compile time.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WhatBreaksTest {

    private static final Duration WAIT = Duration.ofMillis(200);

    /**
     * Starts the heartbeat, lets it beat a little, then waits {@link #WAIT} — by yielding a
     * delay, or by calling {@code Thread.sleep} on the loop thread — and returns the
     * heartbeat's statistics and how often it ticked during that wait.
     */
    static final class WaitBesideAHeartbeat extends Coroutine<List<Object>> {
        private enum State { START, WARMING_UP, WAITING, DONE }

        private final Scheduler scheduler;
        private final boolean blocking;
        private final Heartbeat heartbeat = new Heartbeat();
        private final int[] ticks = new int[1];
        private Task<Void> beating;
        private int ticksBefore;
        private State state = State.START;

        WaitBesideAHeartbeat(Scheduler scheduler, boolean blocking) {
            this.scheduler = scheduler;
            this.blocking = blocking;
        }

        @Override
        protected Step<List<Object>> resume(Object sent) throws InterruptedException {
            switch (state) {
                case START -> {
                    beating = scheduler.spawn(new CountingBeat(heartbeat, ticks));
                    state = State.WARMING_UP;
                    return sleep(Duration.ofMillis(30));
                }
                case WARMING_UP -> {
                    ticksBefore = ticks[0];
                    state = State.WAITING;
                    if (blocking) {
                        Thread.sleep(WAIT); // the mistake this test shows: a blocking call on the loop thread
                        return resume(null);
                    }
                    return sleep(WAIT);
                }
                case WAITING -> {
                    state = State.DONE;
                    int during = ticks[0] - ticksBefore;
                    HeartbeatStats stats = heartbeat.stop();
                    beating.cancel();
                    return returning(List.of(stats, during));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        public String state() {
            return state.name();
        }
    }

    /** The chapter's heartbeat ({@code Blocking.Beat}), counting its ticks: {@code while True: tick(); yield Delay(5 ms)}. */
    static final class CountingBeat extends Coroutine<Void> {
        private final Heartbeat heartbeat;
        private final int[] ticks;

        CountingBeat(Heartbeat heartbeat, int[] ticks) {
            this.heartbeat = heartbeat;
            this.ticks = ticks;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            heartbeat.tick();
            ticks[0]++;
            return sleep(Duration.ofMillis(5));
        }

        @Override
        public String state() {
            return "SLEEPING";
        }
    }

    private static List<Object> waitBesideAHeartbeat(boolean blocking) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            return scheduler.run(new WaitBesideAHeartbeat(scheduler, blocking));
        }
    }

    @Test
    void aCoroutineThatBlocksStallsEveryOtherTaskOnTheLoop() {
        List<Object> yielding = waitBesideAHeartbeat(false);
        assertTrue((int) yielding.get(1) > 0, "while one coroutine yielded a delay, the heartbeat ticked " + yielding.get(1) + " times");

        List<Object> blocking = waitBesideAHeartbeat(true);
        assertEquals(0, blocking.get(1), "while one coroutine blocked the loop thread, the heartbeat never ticked");
        Duration gap = ((HeartbeatStats) blocking.get(0)).largestGap();
        assertTrue(gap.compareTo(WAIT) >= 0, "its largest gap, " + gap.toMillis() + " ms, is the whole blocking call");
    }

    @Test
    void aCoroutineThatIsCreatedButNeverDrivenDoesNothing() {
        // The control: delegated to, the same coroutine runs.
        List<String> delegated = new ArrayList<>();
        final class Delegating extends Coroutine<Void> {
            private boolean delegatedOnce;

            @Override
            protected Step<Void> resume(Object sent) {
                if (!delegatedOnce) {
                    delegatedOnce = true;
                    return yieldFrom(new Logging(delegated));
                }
                return returning(null);
            }

            @Override
            public String state() {
                return delegatedOnce ? "DELEGATED" : "START";
            }
        }
        try (var loop = new EventLoop()) {
            new Scheduler(loop).run(new Delegating());
        }
        assertEquals(List.of("ran"), delegated, "yieldFrom drives it");

        List<String> log = new ArrayList<>();
        final class Forgetful extends Coroutine<Void> {
            @Override
            protected Step<Void> resume(Object sent) {
                // Meant to be "yield from new Logging()" — but only created: no task runs it, no one delegates to it.
                new Logging(log);
                return returning(null);
            }

            @Override
            public String state() {
                return "START";
            }
        }
        try (var loop = new EventLoop()) {
            new Scheduler(loop).run(new Forgetful());
        }
        assertEquals(List.of(), log, "a coroutine runs only when a task resumes it");
    }

    /** {@code log.append("ran")}. */
    static final class Logging extends Coroutine<Void> {
        private final List<String> log;

        Logging(List<String> log) {
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            log.add("ran");
            return returning(null);
        }

        @Override
        public String state() {
            return "START";
        }
    }

    @Test
    void aWrongCastOfWhatAYieldSentBackFailsOnlyAtRunTime() {
        final class Mistyped extends Coroutine<String> {
            private final Future<Integer> number;
            private boolean waiting;

            Mistyped(Future<Integer> number) {
                this.number = number;
            }

            @Override
            protected Step<String> resume(Object sent) {
                if (!waiting) {
                    waiting = true;
                    number.complete(42);
                    return resultOf(number);
                }
                return returning((String) sent); // compiles: "sent" is an Object; the future held an Integer
            }

            @Override
            public String state() {
                return waiting ? "WAITING_FOR_NUMBER" : "START";
            }
        }
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            var failure = assertThrows(ClassCastException.class, () -> scheduler.run(new Mistyped(scheduler.newFuture("a number"))));
            assertEquals(List.of("Mistyped at WAITING_FOR_NUMBER"), CoroutineTraceback.of(failure),
                    "at least the traceback says which coroutine, in which state");
        }
    }

    /**
     * A deadline is a cancellation, and a cancellation is thrown in at a {@code yield}: a
     * coroutine under a 20 ms time limit that blocks the loop thread for 200 ms is cut short
     * only when it yields next — 200 ms late, but then at once, not after its 20 s sleep.
     */
    @Test
    void aTimeLimitCutsACoroutineShortOnlyWhenItNextYields() {
        final class BlocksThenSleeps extends Coroutine<String> {
            private String state = "START";

            @Override
            protected Step<String> resume(Object sent) throws InterruptedException {
                if (state.equals("START")) {
                    Thread.sleep(WAIT); // the mistake this test shows: the timer is due, but the loop thread is not free
                    state = "SLEEPING";
                    return sleep(Duration.ofSeconds(20));
                }
                return returning("woke");
            }

            @Override
            public String state() {
                return state;
            }
        }
        long started = System.nanoTime();
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            var failure = assertThrows(CompletionException.class,
                    () -> scheduler.run(new TimeLimit<>(scheduler, Duration.ofMillis(20), new BlocksThenSleeps())));
            assertInstanceOf(TimeoutException.class, failure.getCause());
            assertEquals(List.of("BlocksThenSleeps at SLEEPING"), CoroutineTraceback.of(failure.getCause().getCause()),
                    "the cancellation landed at the sleep, the first yield after the block");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(WAIT) >= 0, "the 20 ms limit could not stop the 200 ms block: " + took.toMillis() + " ms");
        assertTrue(took.compareTo(TestTimeouts.scaled(Duration.ofSeconds(10))) < 0, "but it did stop the 20 s sleep: " + took.toMillis() + " ms");
    }
}
