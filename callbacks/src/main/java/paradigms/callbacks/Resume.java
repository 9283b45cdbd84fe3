package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code resume} on the loop: a sleeper is a callback that falls asleep and sets a loop timer
 * ({@link EventLoop#callAt}) for its due time; a busy task is a callback ({@link EventLoop#callSoon})
 * that computes on the loop thread, never returning to the loop until its time is up.
 *
 * <p><b>Threads:</b> the caller's only. It queues every task's first callback, then runs the
 * loop; every callback — the sleepers', the timers', the busy ones — runs on it, one at a time,
 * and the sleepers' lives are touched from it alone (the tally's counts are atomics). {@code run()} returns when the last
 * timer has fired and nothing is ready: every task has ended.
 *
 * <p><b>Why a sleeper waits longer than its sleep.</b> A timer that falls due does not run its
 * callback: the loop, between two batches, moves it to the back of the ready queue, and it runs
 * when every callback before it has returned. A busy callback that computes for 200 ms keeps the
 * loop from even looking at its timers for 200 ms; every sleeper due meanwhile is ready — not
 * waiting — for the rest of that time, and then for the sleepers queued ahead of it. Nothing
 * pre-empts a callback: its running time is the other tasks' resume latency.
 *
 * <p>The sleepers are queued before the busy tasks, so all of them are asleep — their timers set —
 * by the time the first busy callback starts: the lesson is the delay of a <em>wake-up</em>, not of
 * a start.
 *
 * <p>{@link #busyOffTheLoop()} is the labelled demo of the cure: the same busy tasks sent to
 * worker threads with {@link EventLoop#runInExecutor}, so the loop thread only waits and wakes
 * ({@code ResumeLessonTest} compares the two).
 */
final class Resume implements ResumeExercise {

    private final boolean busyOnTheLoop;

    Resume() {
        this(true);
    }

    private Resume(boolean busyOnTheLoop) {
        this.busyOnTheLoop = busyOnTheLoop;
    }

    /** Labelled demo: the busy tasks on worker threads, one each, off the loop; the sleepers as before. */
    static Resume busyOffTheLoop() {
        return new Resume(false);
    }

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) {
        var tally = new ResumeTally(request, trace);
        // Closed last (try-with-resources skips a null): close() waits for the workers to end.
        try (ExecutorService workers = busyOnTheLoop || request.busyTasks() == 0 ? null
                : Executors.newFixedThreadPool(request.busyTasks(), Thread.ofPlatform().name("resume-busy-", 1).factory());
             var loop = new EventLoop()) {
            for (int i = 0; i < request.sleepers(); i++) {
                int index = i;
                loop.callSoon(() -> fallAsleep(loop, tally, index));
            }
            for (int i = 0; i < request.busyTasks(); i++) {
                int index = i;
                if (workers == null) {
                    loop.callSoon(() -> tally.busy(index)); // computes here, on the loop thread, without returning
                } else {
                    loop.callSoon(() -> loop.runInExecutor(workers, () -> {
                        tally.busy(index); // on a worker: the loop thread goes on
                        return null;
                    }, (nothing, failure) -> {
                        if (failure != null) {
                            loop.report("busy task " + index, failure);
                        }
                    }));
                }
            }
            loop.run(); // returns when the last timer has fired and every offloaded job has come back
        }
        return tally.result();
    }

    /** A sleeper's first callback: it starts, falls asleep and leaves a timer for its due time. */
    private static void fallAsleep(EventLoop loop, ResumeTally tally, int index) {
        TaskLife sleeper = tally.sleeper(index);
        long due = tally.fallAsleep(sleeper);
        // The system clock is System.nanoTime(), the tally's clock, and a timer never fires
        // before its deadline: the sleeper is never early.
        loop.callAt(due, () -> tally.wake(sleeper, due)); // first thing when it runs again
    }
}
