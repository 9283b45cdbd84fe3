package paradigms.common.resume;

import paradigms.common.trace.Trace;

/**
 * The {@code resume} exercise: the ready queue made visible. Sleepers wait on timers while busy
 * tasks compute beside them, on the same scheduler; how long after its timer was due does each
 * sleeper run again?
 *
 * <p>What to do: start {@code busyTasks} busy tasks and {@code sleepers} sleepers at once, in this
 * paradigm's own way of running tasks (a loop's callbacks, coroutines, futures, threads, worker
 * processes). A sleeper waits {@code sleep} in this paradigm's own way of waiting on a timer and
 * takes the steps of {@link ResumeTally} (fall asleep, wake first thing, compute its handling); a
 * busy task is {@link ResumeTally#busy}. Return when every task has ended.
 *
 * <p>Contract (checked by {@code ResumeContract}): every sleeper wakes exactly once and none
 * early; every busy task computes its whole time; one resume latency per sleeper, none negative;
 * the call lasts at least as long as its longest task; a recording trace shows each sleeper
 * waiting for its timer, ready, then running. How long the sleepers wait in the ready queue is
 * each paradigm's lesson, measured by the main job and by each chapter's lesson test.
 */
public interface ResumeExercise {

    ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException;
}
