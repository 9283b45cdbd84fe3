package paradigms.threading;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code interrupt-only} (threading/README.md, Exercises for you, 8): the chapter's
 * deadline cancelled by interrupts alone — {@code Deadline} without closing the client early.
 */
final class InterruptOnlyDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise interrupt-only is not done yet: implement InterruptOnlyDeadline.download"
                + " (a copy of Deadline without http.close() in its finally) — see threading/README.md, Exercises for you, 8");
    }
}
