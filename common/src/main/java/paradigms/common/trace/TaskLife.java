package paradigms.common.trace;

import paradigms.common.measure.ResumeLatency;

import java.util.OptionalLong;

/**
 * One task's life, told as it happens: it runs, waits for something, becomes ready when that
 * thing happens, and runs again when its scheduler gets to it. The code that suspends the task
 * says so ({@link #waitingFor}); the first line of the task's own code that runs again says so
 * ({@link #resumed}), with the moment the awaited thing happened — an answer's
 * {@link paradigms.common.http.SentAt send stamp}, a timer's due time. From those two calls the
 * trace gets the task's {@link TaskState segments} (running, waiting for what, ready) and
 * {@link ResumeLatency} gets the ready time.
 *
 * <p><b>Which thread owns it:</b> whichever runs the task at the moment. A task runs on one
 * thread at a time, and whatever hands it from thread to thread (a queue, a future, a pipe
 * reader) orders the calls, so no lock is needed. {@link #NOTHING} records nothing and is shared.
 */
public final class TaskLife implements AutoCloseable {

    /** A life that records nothing: for callers that neither trace nor measure. */
    public static final TaskLife NOTHING = new TaskLife(Trace.off(), ResumeLatency.off(), "");

    private final Trace trace;
    private final ResumeLatency resumes;
    private final String task;

    private long segmentStartMicros;
    private Waited waitingFor; // null while running

    TaskLife(Trace trace, ResumeLatency resumes, String task) {
        this.trace = trace;
        this.resumes = resumes;
        this.task = task;
        this.segmentStartMicros = Trace.nowMicros();
    }

    /** The task's name, as its spans have it. */
    public String task() {
        return task;
    }

    /** The task suspends now, until {@code what} happens. */
    public void waitingFor(Waited what) {
        if (this == NOTHING) {
            return; // shared by every task that is not watched: it keeps no state
        }
        if (waitingFor != null) {
            throw new IllegalStateException(task + " is already " + waitingFor.waitingLabel() + ", cannot wait for " + what);
        }
        long now = Trace.nowMicros();
        trace.record(new TaskState(task, TaskState.State.RUNNING, null, segmentStartMicros, now));
        segmentStartMicros = now;
        waitingFor = what;
    }

    /**
     * The task runs again, now; what it waited for happened at {@code happenedAtNanos}
     * ({@link System#nanoTime()}). Records the resume latency (now minus that moment) and the
     * waiting and ready segments.
     */
    public void resumed(long happenedAtNanos) {
        if (this == NOTHING) {
            return;
        }
        long nowNanos = System.nanoTime();
        long nowMicros = Trace.nowMicros();
        resumes.record(happenedAtNanos);
        Waited what = endWait();
        // The event's moment on the trace's clock: now, less the ready time. Kept inside the wait
        // (a microsecond of conversion jitter must not put it before the wait began).
        long readyFrom = Math.clamp(nowMicros - (nowNanos - happenedAtNanos) / 1_000, segmentStartMicros, nowMicros);
        trace.record(new TaskState(task, TaskState.State.WAITING, what, segmentStartMicros, readyFrom));
        trace.record(new TaskState(task, TaskState.State.READY, what, readyFrom, nowMicros));
        segmentStartMicros = nowMicros;
    }

    /** The same, when the moment may be unknown (an answer without a stamp, a failure): then only the wait is recorded. */
    public void resumed(OptionalLong happenedAtNanos) {
        if (this == NOTHING) {
            return;
        }
        if (happenedAtNanos.isPresent()) {
            resumed(happenedAtNanos.getAsLong());
        } else {
            long now = Trace.nowMicros();
            Waited what = endWait();
            trace.record(new TaskState(task, TaskState.State.WAITING, what, segmentStartMicros, now));
            segmentStartMicros = now;
        }
    }

    /** {@link #ended()}, for a task whose whole life is one block of code: {@code try (var life = trace.life(…)) { … }}. */
    @Override
    public void close() {
        ended();
    }

    /** The task's code is over: its last running segment ends now. */
    public void ended() {
        if (this == NOTHING) {
            return;
        }
        if (waitingFor != null) {
            resumed(OptionalLong.empty()); // ended while waiting (cancelled): the wait ends with it
        }
        trace.record(new TaskState(task, TaskState.State.RUNNING, null, segmentStartMicros, Trace.nowMicros()));
    }

    private Waited endWait() {
        Waited what = waitingFor;
        if (what == null) {
            throw new IllegalStateException(task + " resumed without waiting for anything: call waitingFor() where it suspends");
        }
        waitingFor = null;
        return what;
    }
}
