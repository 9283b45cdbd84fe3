package paradigms.generators;

import paradigms.common.contract.OneBusyStepLesson;
import paradigms.common.resume.ResumeExercise;

/**
 * Lesson: one coroutine step that computes for 200 ms delays every other task's resume by about
 * that much — {@code WhatBreaksTest}'s stalled heartbeat, made general. {@link Resume} gathers the
 * sleepers before the busy task, so every sleeper is asleep before its one step starts.
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
