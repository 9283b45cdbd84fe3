package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Offload;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Sleep;
import paradigms.generators.coroutine.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code resume} with coroutines: a sleeper is a coroutine that falls asleep and
 * {@code yield from Sleep(d)} — one timer in the loop's heap; a busy task is a coroutine whose one
 * step computes its whole time, with no {@code yield} in it. All are gathered, each in a task.
 *
 * <p><b>Threads:</b> the caller's only: it runs the scheduler, and every step of every task — and
 * so every call to a sleeper's life — runs on it, one step at a time (the tally's counts are atomics).
 *
 * <p><b>Why a sleeper waits longer than its sleep.</b> A due timer does not run the sleeper: its
 * callback joins the loop's ready queue and runs when every callback before it has returned; it
 * puts the task on the scheduler's ready list, and the task's step runs at the next tick, after the
 * tasks ahead of it. A busy step that computes for 200 ms is one such callback: the loop does not
 * even look at its timers until it returns, and every sleeper due meanwhile is ready — not
 * waiting — for the rest of that time. A coroutine gives the loop back only at a {@code yield}.
 *
 * <p>The sleepers are gathered before the busy tasks, so each has taken its first step — fallen
 * asleep — before the first busy step runs: the lesson is the delay of a wake-up, not of a start.
 *
 * <p>{@link #busyOffTheLoop()} is the labelled demo of the cure: each busy coroutine yields its
 * computation's future instead ({@link Offload}, on a worker thread), so the loop thread only waits
 * and wakes ({@code ResumeLessonTest} compares the two).
 */
final class Resume implements ResumeExercise {

    private final boolean busyOnTheLoop;

    Resume() {
        this(true);
    }

    private Resume(boolean busyOnTheLoop) {
        this.busyOnTheLoop = busyOnTheLoop;
    }

    /** Labelled demo: the busy tasks' computing on worker threads, one each, off the loop; the sleepers as before. */
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
            var scheduler = new Scheduler(loop, trace);
            List<Coroutine<Void>> tasks = new ArrayList<>(request.sleepers() + request.busyTasks());
            for (int i = 0; i < request.sleepers(); i++) {
                tasks.add(new Sleeper(tally, i, request));
            }
            for (int i = 0; i < request.busyTasks(); i++) {
                tasks.add(new Busy(tally, i, scheduler, workers));
            }
            scheduler.run(new Gather<>(scheduler, tasks.size() + " sleepers and busy tasks", tasks));
        }
        return tally.result();
    }

    /**
     * {@code life = tally.sleeper(i); due = tally.fallAsleep(life); yield from Sleep(d); tally.wake(life, due)}.
     * <pre>
     * START    -> SLEEPING: fallen asleep; delegate to a Sleep, whose timer is due no sooner than {@code due}
     * SLEEPING -> DONE:     running again: wake first thing
     * </pre>
     */
    static final class Sleeper extends Coroutine<Void> {

        private enum State { START, SLEEPING, DONE }

        private final ResumeTally tally;
        private final int index;
        private final ResumeRequest request;
        private State state = State.START;
        private TaskLife life;
        private long due;

        Sleeper(ResumeTally tally, int index, ResumeRequest request) {
            this.tally = tally;
            this.index = index;
            this.request = request;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    life = tally.sleeper(index);
                    due = tally.fallAsleep(life);
                    state = State.SLEEPING;
                    // The Sleep's timer is set after `due` was read, on the same clock (System.nanoTime()),
                    // and a loop timer never fires early: the sleeper is never woken before it is due.
                    return yieldFrom(new Sleep(request.sleep()));
                }
                case SLEEPING -> {
                    tally.wake(life, due); // first thing when it runs again
                    state = State.DONE;
                    return returning(null);
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "sleeper " + index;
        }
    }

    /**
     * One step that computes the whole time and returns: no {@code yield}, so nothing else runs
     * meanwhile. Given workers (the demo), it yields the computation's future instead and returns
     * when it is done.
     * <pre>
     * START     -> DONE:      computed in this step (no workers)
     * START     -> COMPUTING: the computation sent to a worker; wait for its future
     * COMPUTING -> DONE:      it is done
     * </pre>
     */
    static final class Busy extends Coroutine<Void> {

        private enum State { START, COMPUTING, DONE }

        private final ResumeTally tally;
        private final int index;
        private final Scheduler scheduler;
        private final Executor workers; // null: compute on the loop thread
        private State state = State.START;

        Busy(ResumeTally tally, int index, Scheduler scheduler, Executor workers) {
            this.tally = tally;
            this.index = index;
            this.scheduler = scheduler;
            this.workers = workers;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    if (workers == null) {
                        tally.busy(index); // computes here, on the loop thread
                        state = State.DONE;
                        return returning(null);
                    }
                    state = State.COMPUTING;
                    return resultOf(Offload.call(scheduler, workers, name(), () -> {
                        tally.busy(index); // on a worker: the loop thread goes on
                        return null;
                    }));
                }
                case COMPUTING -> {
                    state = State.DONE;
                    return returning(null);
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "busy " + index;
        }
    }
}
