package paradigms.callbacks;

import paradigms.common.contract.OneBusyStepLesson;
import paradigms.common.resume.ResumeExercise;

/**
 * Lesson: one callback that computes for 200 ms delays every other task's resume by about that
 * much — the blocked heartbeat of {@link BlockingStallLessonTest}, made general. {@link Resume} queues
 * the sleepers' first callbacks before the busy one, so every timer is set before it starts; a due
 * timer's callback joins the ready queue only when the busy callback has returned.
 * The checks, and why their bound holds however slow the machine, are {@link OneBusyStepLesson}'s;
 * the cure is {@link Resume#busyOffTheLoop()}.
 */
class ResumeLessonTest implements OneBusyStepLesson {

    @Override
    public ResumeExercise busyOnTheLoop() {
        return new Resume();
    }

    @Override
    public ResumeExercise busyOffTheLoop() {
        return Resume.busyOffTheLoop();
    }
}
