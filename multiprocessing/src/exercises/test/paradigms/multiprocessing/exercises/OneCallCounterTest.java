package paradigms.multiprocessing.exercises;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.counter.CounterExercise;
import paradigms.multiprocessing.MultiprocessingParadigm;

/**
 * Exercise {@code one-call-counter}: the chapter's whole {@code counter} contract — 50 tasks ×
 * 100 increments, every one seen by the counter, none on a stale read — with one call per
 * increment instead of a lease.
 */
@Tag("exercise")
@Tag("one-call-counter")
class OneCallCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new DelegatingParadigm(new MultiprocessingParadigm()) {
            @Override
            public CounterExercise counter() {
                return new OneCallCounter();
            }
        };
    }

    @Test
    @Override
    @Disabled("one call per increment has no unguarded version: nothing can come between its read and its write")
    public void theUnguardedVersionReallyLosesUpdatesWhereOtherTasksComeBetweenReadAndWrite() {
    }
}
