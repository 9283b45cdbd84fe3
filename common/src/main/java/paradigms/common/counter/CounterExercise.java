package paradigms.common.counter;

import paradigms.common.trace.Trace;

/**
 * The {@code counter} exercise: shared state. Each increment reads the {@link SharedCounter},
 * suspends (in the paradigm's own way: a yield to the loop, a sleep, a blocking call), then
 * writes the value read plus one.
 *
 * <p>Contract (checked by {@code CounterContract}): the total is exact — no update lost, none
 * counted twice. Each chapter's lesson tests show the broken version losing updates
 * deterministically where its paradigm really loses them.
 */
public interface CounterExercise {

    CounterResult count(CounterRequest request, Trace trace) throws InterruptedException;
}
