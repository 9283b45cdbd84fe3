package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Lock;
import paradigms.generators.coroutine.Scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code counter} exercise's lesson: on ONE thread, with no race of threads at all,
 * coroutines lose updates — wherever one suspends between its read and its write. The
 * interleaving is not left to chance: the scheduler's ticks are deterministic (every ready
 * task runs once per tick, oldest first, and a task that passes its turn runs again in the
 * next tick), so the number lost is exact.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class LostUpdateTest {

    private static final int TASKS = 3;
    private static final int INCREMENTS = 4;

    /** Runs the tasks {@code make} makes, gathered, on a loop of their own; returns each tick's dump. */
    private static List<String> run(Function<Scheduler, List<Counter.Increments>> make) {
        List<String> ticks = new ArrayList<>();
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            scheduler.watchTicks(ticks::add);
            scheduler.run(new Gather<>(scheduler, "incrementers", make.apply(scheduler)));
        }
        return ticks;
    }

    /**
     * Tick 1: the gather spawns the three tasks. Tick 2: each reads 0 and passes its turn.
     * Tick 3: each writes 0 + 1, reads 1, passes — and so on: in every tick all three write the
     * same value. Each round of three increments counts once: 12 increments, a total of 4,
     * 8 lost — (tasks − 1) × increments, every time.
     */
    @Test
    void withoutALockTasksThatSuspendBetweenReadAndWriteLoseExactlyAllButOneUpdateOfEachRound() {
        var counter = new SharedCounter();
        List<String> ticks = run(s -> IntStream.range(0, TASKS).mapToObj(i -> Counter.Increments.unlocked(i, counter, INCREMENTS)).toList());

        assertEquals(INCREMENTS, counter.value(), "the total");
        assertEquals((TASKS - 1) * INCREMENTS, TASKS * INCREMENTS - counter.value(), "updates lost");
        // The dump before tick 3: all three have read 0 (none has written: 0 done each) and wait for their turn to write.
        assertEquals(String.join(System.lineSeparator(),
                "tick 3: 3 ready, 1 waiting",
                "  ready    #2 unlocked increments at READ (0 of 4 done)",
                "  ready    #3 unlocked increments at READ (0 of 4 done)",
                "  ready    #4 unlocked increments at READ (0 of 4 done)",
                "  waiting  #1 gather incrementers at JOINING (0 of 3 done) <- result of its 3 tasks"), ticks.get(2));
    }

    /** The same three tasks, each holding the coroutine lock from before its read until after its write. */
    @Test
    void holdingTheLockAcrossTheSuspensionLosesNoUpdate() {
        var counter = new SharedCounter();
        run(s -> {
            var lock = new Lock(s, "the counter");
            return IntStream.range(0, TASKS).mapToObj(i -> Counter.Increments.locked(i, counter, lock, INCREMENTS)).toList();
        });
        assertEquals(TASKS * INCREMENTS, counter.value(), "updates lost: " + (TASKS * INCREMENTS - counter.value()));
    }

    @Test
    void theParadigmsCounterIsExactWithTheSameTasks() {
        var result = new Counter().count(new CounterRequest(TASKS, INCREMENTS), Trace.off());
        assertEquals(TASKS * INCREMENTS, result.total());
        assertEquals(0, result.lostUpdates());
    }
}
