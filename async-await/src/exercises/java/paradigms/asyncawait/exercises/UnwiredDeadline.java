package paradigms.asyncawait.exercises;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code unwired-deadline} (async-await/README.md, "Exercises for you", 4): the
 * chapter's {@code Deadline} with one change — each exchange is started with the
 * three-argument {@code AsyncHttp.get(client, url, timeout)}, so nothing wires it to
 * {@code stop}. Everything else stays: the tally, the permits given up, the cancel-then-close.
 *
 * <p>What the acceptance test expects of it: the same result as the chapter's (the deadline
 * passed, every slow URL cancelled) — returned only once the slow answers have arrived.
 */
public final class UnwiredDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise unwired-deadline is not done yet: copy the chapter's Deadline into "
                + "UnwiredDeadline and call AsyncHttp.get without the stop future — see async-await/README.md, "
                + "Exercises for you, 4");
    }
}
