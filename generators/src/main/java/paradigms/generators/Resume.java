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
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Sleep;
import paradigms.generators.coroutine.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code resume} with coroutines: a sleeper is a coroutine that falls asleep and
 * {@code yield from Sleep(d)} — one timer in the loop's heap; a busy task is a coroutine whose one
 * step computes its whole time, with no {@code yield} in it. All are gathered, each in a task.
 *
 * <p><b>Threads:</b> the caller's only: it runs the scheduler, and every step of every task — and
 * so every call to the tally and to a sleeper's life — runs on it, one step at a time.
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
 */
final class Resume implements ResumeExercise {

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) {
        var tally = new ResumeTally(request, trace);
        List<Coroutine<Void>> tasks = new ArrayList<>(request.sleepers() + request.busyTasks());
        for (int i = 0; i < request.sleepers(); i++) {
            tasks.add(new Sleeper(tally, i, request));
        }
        for (int i = 0; i < request.busyTasks(); i++) {
            tasks.add(new Busy(tally, i));
        }
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
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

    /** One step that computes the whole time and returns: no {@code yield}, so nothing else runs meanwhile. */
    static final class Busy extends Coroutine<Void> {

        private final ResumeTally tally;
        private final int index;
        private boolean done;

        Busy(ResumeTally tally, int index) {
            this.tally = tally;
            this.index = index;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            tally.busy(index); // computes here, on the loop thread
            done = true;
            return returning(null);
        }

        @Override
        public String state() {
            return done ? "DONE" : "START";
        }

        @Override
        public String name() {
            return "busy " + index;
        }
    }
}
