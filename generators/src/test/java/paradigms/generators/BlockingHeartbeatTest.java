package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code blocking}'s heartbeat ends only by being cancelled; one that failed on its own — a tick
 * threw — must not pass for a heartbeat that was stopped ({@link Blocking.StopBeat}). No
 * database needed: the heartbeat is the chapter's, the queries are left out.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BlockingHeartbeatTest {

    /** {@code beating = spawn(Beat(tick)); yield Pass(); yield Pass(); yield from StopBeat(beating)}. */
    static final class BeatThenStop extends Coroutine<Void> {
        private final Scheduler scheduler;
        private final Runnable tick;
        private int step;
        Task<Void> beating;

        BeatThenStop(Scheduler scheduler, Runnable tick) {
            this.scheduler = scheduler;
            this.tick = tick;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (step++) {
                case 0 -> {
                    beating = scheduler.spawn(new Blocking.Beat(tick, Duration.ofMillis(1)));
                    return pass(); // the heartbeat's first step runs in the next tick, before this one's
                }
                case 1 -> {
                    return pass();
                }
                case 2 -> {
                    return yieldFrom(new Blocking.StopBeat(beating));
                }
                default -> {
                    return returning(null);
                }
            }
        }

        @Override
        public String state() {
            return "STEP " + step;
        }
    }

    @Test
    void aHeartbeatThatWasStoppedEndsQuietlyAndCancelled() {
        List<String> ticks = new ArrayList<>();
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            var main = new BeatThenStop(scheduler, () -> ticks.add("tick"));
            scheduler.run(main);
            assertTrue(main.beating.isCancelled());
        }
        assertTrue(!ticks.isEmpty(), "it ticked before it was stopped");
    }

    @Test
    void aHeartbeatWhoseTickThrewFailsTheRunInsteadOfPassingForStopped() {
        var broken = new IllegalStateException("the tick failed");
        List<Throwable> reported = new ArrayList<>();
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> reported.add(error));
            var scheduler = new Scheduler(loop);
            var thrown = assertThrows(IllegalStateException.class, () -> scheduler.run(new BeatThenStop(scheduler, () -> {
                throw broken;
            })));
            assertSame(broken, thrown, "the heartbeat's own failure, not swallowed by completionOf");
        }
        assertEquals(List.of(), reported, "thrown to the caller, so not reported a second time");
    }
}
