package paradigms.common.counter;

import paradigms.common.trace.Trace;

/**
 * The {@code counter} exercise: shared state. Each increment of task i reads the given
 * {@link SharedCounter} as task i, suspends (in the paradigm's own way: a yield to the loop, a
 * sleep, a blocking call), then writes the value read plus one as task i.
 *
 * <p>Contract (checked by {@code CounterContract}, from the counter's own {@link CounterLog},
 * not from the result alone): every increment goes through the given counter, and the
 * total is exact — no update lost, none counted twice, no write based on a stale read. Each
 * chapter's unguarded version (its lesson) must really lose updates: the counter sees other
 * tasks come between a read and its write.
 */
public interface CounterExercise {

    /**
     * Runs the request's tasks on {@code counter}, which the caller made and keeps: after the
     * call it reads the counter's {@link SharedCounter#log() log} to see what happened.
     */
    CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) throws InterruptedException;

    /** The same on a fresh counter, for a caller that needs only the result. */
    default CounterResult count(CounterRequest request, Trace trace) throws InterruptedException {
        return count(request, new SharedCounter(), trace);
    }
}
