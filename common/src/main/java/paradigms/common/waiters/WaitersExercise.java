package paradigms.common.waiters;

import paradigms.common.trace.Trace;

/**
 * The {@code waiters} exercise: scalability. N tasks each wait D; how far can N go?
 *
 * <p>Contract (checked by {@code WaitersContract}): the paradigm declares its
 * {@link #capacity()} and rejects more (with {@link Capacity#check}); every task completes,
 * none early; a paradigm that claims concurrent waiting has all N waiting at once. Count the
 * tasks with a {@link WaitTally}. How long a million waits take, and how much memory, is
 * measured by the main job, not by the contract.
 */
public interface WaitersExercise {

    Capacity capacity();

    WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException;
}
