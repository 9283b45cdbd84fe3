package paradigms.asyncawait.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

/**
 * Exercise {@code eager-timers} (async-await/README.md, "Exercises for you", 5): the chapter's
 * {@code Waiters} in one pass — each task's timer is armed as soon as the task is made,
 * on the call's own timer thread. Every task still waits at least D and all of them complete;
 * what changes is how many wait at the same moment.
 */
public final class EagerWaiters implements WaitersExercise {

    @Override
    public Capacity capacity() {
        return new Capacity(1_000_000, "an exercise's variant: the chapter's Waiters computes its capacity from the heap");
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise eager-timers is not done yet: copy the chapter's Waiters into "
                + "EagerWaiters.await and arm each task's timer in the first pass, as the task is made — "
                + "see async-await/README.md, Exercises for you, 5");
    }
}
