package paradigms.greenlets;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code shutdown-deadline} (greenlets/README.md, Exercises for you, 6): the chapter's
 * {@code deadline} with {@code shutdown()} where it has {@code shutdownNow()}.
 */
final class ShutdownDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise shutdown-deadline is not done yet: implement ShutdownDeadline.download"
                + " (a copy of Deadline with shutdown() for shutdownNow()) — see greenlets/README.md, Exercises for you, 6");
    }
}
