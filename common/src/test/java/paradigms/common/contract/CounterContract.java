package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterLog;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.Trace;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code counter} exercise's contract: many tasks doing read–suspend–write on one shared
 * counter. What happened is read from the {@link SharedCounter}'s own {@link CounterLog}, not
 * from the implementation's {@link CounterResult}: the exercise must lose no update and never
 * write on a stale read; the chapter's unguarded version (its lesson) must really lose updates,
 * the counter seeing other tasks come between a read and its write.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface CounterContract extends ParadigmContract {

    /** Tasks in the unguarded run: one worker process each in the multiprocessing chapter, so few. */
    int UNGUARDED_TASKS = 3;

    /**
     * The chapter's TEACHING DEMO: the exercise's increments without what keeps a read and its
     * write together, for {@code tasks} tasks, suspending between the two so that the tasks can
     * interleave there (a blocking chapter may use {@link Rounds}). Empty where the paradigm has no
     * such version: the sequential baseline runs one task after another, so nothing can come between.
     */
    default Optional<CounterExercise> unguarded(int tasks) {
        return Optional.empty();
    }

    @Test
    default void theCounterSawEveryIncrementAndNoWriteOnAStaleRead() throws Exception {
        var counter = new SharedCounter();
        CounterResult result = paradigm().counter().count(new CounterRequest(50, 100), counter, Trace.off());
        CounterLog log = counter.log();

        assertEquals(5_000, log.increments(), "read → write pairs the counter saw, of 50 × 100: " + log);
        assertEquals(0, log.writesWithoutRead(), "writes that followed no read of their task: " + log);
        assertEquals(0, log.writesNotOnePastRead(), "writes of something else than the value read plus one: " + log);
        assertEquals(0, log.staleWrites(), "writes based on a stale read (another task wrote in between): " + log);
        assertEquals(5_000, log.value(), "updates lost, as the counter saw it: " + log.lostUpdates());
        assertEquals(5_000, result.expected());
        assertEquals(log.value(), result.total(), "the reported total is what the counter holds");
    }

    @Test
    default void theTotalIsExactWithOneTask() throws Exception {
        var counter = new SharedCounter();
        CounterResult result = paradigm().counter().count(new CounterRequest(1, 7), counter, Trace.off());
        assertEquals(7, counter.log().increments(), "read → write pairs the counter saw: " + counter.log());
        assertEquals(7, counter.value());
        assertEquals(7, result.total());
    }

    /**
     * The lesson's other side, seen by the counter: the unguarded version does suspend between
     * read and write, other tasks do come in between, and updates are really lost — not merely
     * reported lost by code that never suspends.
     */
    @Test
    default void theUnguardedVersionReallyLosesUpdatesWhereOtherTasksComeBetweenReadAndWrite() throws Exception {
        Optional<CounterExercise> demo = unguarded(UNGUARDED_TASKS);
        assumeTrue(demo.isPresent(), () -> paradigm().name() + " has no unguarded version: its tasks never suspend between read and write");
        var counter = new SharedCounter();
        var request = new CounterRequest(UNGUARDED_TASKS, 20);

        CounterResult result = demo.get().count(request, counter, Trace.off());
        CounterLog log = counter.log();

        assertEquals(request.expectedTotal(), log.increments(), "every increment goes through the counter: " + log);
        assertTrue(log.interleaved() > 0,
                "the counter never saw another task between a read and its write: nothing suspends there; " + log);
        assertTrue(log.staleWrites() > 0, "no write was based on a stale read: " + log);
        assertTrue(log.value() < request.expectedTotal(), "no update was lost, as the counter saw it: " + log);
        assertEquals(log.value(), result.total(), "the reported total is what the counter holds");
    }
}
