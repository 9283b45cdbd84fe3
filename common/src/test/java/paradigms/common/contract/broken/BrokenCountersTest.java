package paradigms.common.contract.broken;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.sequential.SequentialParadigm;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link CounterContract} against counters that report one thing and do another. Each of them
 * passed the contract when it trusted the {@link CounterResult}; the counter's own log gives
 * each away.
 */
class BrokenCountersTest {

    /**
     * An "unguarded" version that never suspends between read and write — so it loses nothing —
     * and reports the (K − 1) × M lost updates a lesson expects.
     */
    static final CounterExercise NEVER_SUSPENDS_BUT_REPORTS_LOSSES = (request, counter, trace) -> {
        for (int task = 0; task < request.tasks(); task++) {
            for (int i = 0; i < request.incrementsPerTask(); i++) {
                counter.write(task, counter.read(task) + 1);
            }
        }
        return new CounterResult(request.incrementsPerTask(), request.expectedTotal());
    };

    /** Increments a counter of its own, not the one it was given, and reports an exact total. */
    static final CounterExercise COUNTS_ON_THE_SIDE = (request, given, trace) -> {
        var own = new SharedCounter();
        for (int task = 0; task < request.tasks(); task++) {
            for (int i = 0; i < request.incrementsPerTask(); i++) {
                own.write(task, own.read(task) + 1);
            }
        }
        return new CounterResult(own.value(), request.expectedTotal());
    };

    /** All tasks read, then all write (updates lost), and it reports the expected total. */
    static final CounterExercise LOSES_BUT_REPORTS_EXACT = (request, counter, trace) -> {
        allReadThenAllWrite(request, counter);
        return new CounterResult(request.expectedTotal(), request.expectedTotal());
    };

    /** The same loss, reported truly: what a real unguarded version does. */
    static final CounterExercise LOSES_AND_SAYS_SO = (request, counter, trace) -> {
        allReadThenAllWrite(request, counter);
        return new CounterResult(counter.value(), request.expectedTotal());
    };

    /** Each round, every task reads before any writes: the interleaving that loses updates, on one thread. */
    private static void allReadThenAllWrite(CounterRequest request, SharedCounter counter) {
        for (int i = 0; i < request.incrementsPerTask(); i++) {
            long[] read = new long[request.tasks()];
            for (int task = 0; task < request.tasks(); task++) {
                read[task] = counter.read(task);
            }
            for (int task = 0; task < request.tasks(); task++) {
                counter.write(task, read[task] + 1);
            }
        }
    }

    /** A binding whose exercise is {@code exercise} and whose unguarded version is {@code unguarded}. */
    private static CounterContract binding(CounterExercise exercise, CounterExercise unguarded) {
        return new CounterContract() {
            @Override
            public Paradigm paradigm() {
                return Impostor.counter(exercise);
            }

            @Override
            public Optional<CounterExercise> unguarded(int tasks) {
                return Optional.of(unguarded);
            }
        };
    }

    private static final CounterExercise EXACT = new SequentialParadigm().counter();

    @Test
    void anUnguardedVersionThatNeverSuspendsFailsThoughItReportsLostUpdates() {
        CounterContract contract = binding(EXACT, NEVER_SUSPENDS_BUT_REPORTS_LOSSES);
        assertThrows(AssertionFailedError.class, contract::theUnguardedVersionReallyLosesUpdatesWhereOtherTasksComeBetweenReadAndWrite);
    }

    @Test
    void anExerciseThatCountsOnACounterOfItsOwnFails() {
        CounterContract contract = binding(COUNTS_ON_THE_SIDE, LOSES_BUT_REPORTS_EXACT);
        assertThrows(AssertionFailedError.class, contract::theCounterSawEveryIncrementAndNoWriteOnAStaleRead);
        assertThrows(AssertionFailedError.class, contract::theTotalIsExactWithOneTask);
    }

    @Test
    void anExerciseThatLosesUpdatesButReportsAnExactTotalFails() {
        CounterContract contract = binding(LOSES_BUT_REPORTS_EXACT, LOSES_BUT_REPORTS_EXACT);
        assertThrows(AssertionFailedError.class, contract::theCounterSawEveryIncrementAndNoWriteOnAStaleRead);
    }

    /** The checks do not simply always fail: the exact baseline and a version that really interleaves pass them. */
    @Test
    void theExactBaselineAndAVersionThatReallyLosesUpdatesPass() throws Exception {
        CounterContract contract = binding(EXACT, LOSES_AND_SAYS_SO);
        contract.theCounterSawEveryIncrementAndNoWriteOnAStaleRead();
        contract.theUnguardedVersionReallyLosesUpdatesWhereOtherTasksComeBetweenReadAndWrite();
    }
}
