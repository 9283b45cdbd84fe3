package paradigms.multiprocessing.pool;

import paradigms.common.trace.Span;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One slot of the pool, in the parent: a thread that owns one child process at a time, sends
 * it one job at a time, and waits for the reply — and that starts a replacement when the
 * child dies.
 *
 * <p>States, as other threads see them in {@link #state()}:
 * <pre>
 *   STARTING → IDLE      the child wrote a valid "ready" frame
 *   IDLE     → BUSY      this thread took a job from the pool's queue and sent it
 *   BUSY     → BUSY      the task made a "call": this thread answers it (the job's answer hook)
 *   BUSY     → IDLE      a valid "done" or "failed" frame came back: the job's future is completed
 *   BUSY     → STARTING  the child's stdout ended (it crashed, was killed, exited): it is reaped and
 *                        its exit code noted; a replacement starts at once, and the job runs on it
 *                        once more — if the replacement dies too, the job fails with WorkerDied
 *   BUSY     → STARTING  the child sent a malformed frame: it is killed, the job fails with
 *                        MalformedFrame (no retry: a bug does not go away by trying again),
 *                        and a replacement starts at once
 *   BUSY     → STARTING  the job's own half threw in the parent (answering a call, reading the
 *                        reply): the job fails with that exception, and the child — perhaps
 *                        waiting for an answer that will never come — is killed and replaced
 *   STARTING → IDLE      without a child, when a replacement could not be started: the next
 *                        job tries to start one again (and fails with WorkerDied if it cannot)
 *   any      → STOPPED   the pool closed (a stop pill in the queue, or stop() while busy): the
 *                        child's stdin is closed — an idle child exits, a busy one halts — the
 *                        child is reaped (killed after a grace period), and the thread ends;
 *                        in a pool that borrowed from a WorkerReserve, a slot that takes its stop
 *                        pill idle gives its child back instead, alive and ready
 * </pre>
 *
 * <p><b>Why retry once.</b> A job may be half done when its worker dies; running it again is
 * only safe if running it twice does no harm. Every job in this chapter but one is such a job:
 * pure arithmetic, a GET, a read-only SELECT, an opponent's thinking, a wait. The exception is
 * the counter's task, whose writes a rerun would repeat (see {@link Counter}). A pool for
 * jobs with side effects would report instead (at most once), or need the jobs to be idempotent.
 * Once, not forever: a job that kills every worker it touches (a poison pill) must not kill them
 * all.
 *
 * <p>Threads: {@link #state} and {@link #child} are written only by this slot's thread, and
 * are volatile so that {@link #stop()}, the pool and tests can read them.
 */
public final class PoolWorker {

    public enum State { STARTING, IDLE, BUSY, STOPPED }

    private final String name;
    private final ProcessPool pool;
    private final Thread thread;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();

    private volatile State state = State.STARTING;
    private volatile ChildProcess child;
    private volatile Submission<?> running; // the job in conversation with the child; null between jobs
    private volatile boolean stopping;

    PoolWorker(int number, ProcessPool pool) {
        this.name = "worker-" + number;
        this.pool = pool;
        this.thread = Thread.ofPlatform().name(name).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Completes when the first child is ready; fails if it could not start. */
    CompletableFuture<Void> firstReady() {
        return firstReady;
    }

    public State state() {
        return state;
    }

    /** The current child; null while none is running. */
    public ChildProcess child() {
        return child;
    }

    String name() {
        return name;
    }

    /**
     * Asks this slot to stop (any thread) by closing its child's stdin, whatever it is doing:
     * an idle child exits (and the slot's thread takes the pool's stop pill); a busy child
     * halts, so the thread's read of its stdout ends; a job being sent right now fails to be
     * written. No state check, so no race with the slot's thread changing state.
     */
    void stop() {
        stopping = true;
        ChildProcess current = child;
        if (current != null) {
            current.endInput();
        }
    }

    /**
     * The pool gives up on the running job (any thread): if the slot's job has not finished,
     * marks the slot stopping — so that the death that follows is not taken for a crash and
     * retried — and kills its child at once. A slot whose job has just finished is left alone
     * (the pool's close stops it, or gives it back to the reserve it came from); racing the
     * slot's thread is harmless: a job that finishes right after the check loses its worker.
     */
    void killIfBusy() {
        if (runningUnfinished()) {
            stopping = true;
            ChildProcess current = child;
            if (current != null) {
                current.kill();
            }
        }
    }

    /** Like {@link #stop()}, but only while the slot's job has not finished (any thread): the closing of a borrowing pool. */
    void stopIfRunning() {
        if (runningUnfinished()) {
            stop();
        }
    }

    private boolean runningUnfinished() {
        Submission<?> job = running;
        return job != null && !job.result().isDone();
    }

    /** Waits for this slot's thread to end; if it does not in time, kills the child (any thread). */
    void awaitStopped(Duration timeout) throws InterruptedException {
        if (!thread.join(timeout)) {
            ChildProcess current = child;
            if (current != null) {
                current.kill();
            }
        }
    }

    // ---------------------------------------------------------------- this slot's thread

    private void run() {
        boolean endedIdle = false;
        try {
            startChild();
            firstReady.complete(null);
            Submission<?> submission;
            while ((submission = pool.nextSubmission()) != null) {
                runWithOneRetry(submission);
            }
            endedIdle = !stopping; // took the stop pill between jobs: the child's last conversation is over
        } catch (RuntimeException | InterruptedException e) {
            firstReady.completeExceptionally(e); // no effect if it was ready: then the slot just ends
        } finally {
            ChildProcess last = child;
            if (last != null) {
                pool.release(last, endedIdle);
            }
            state = State.STOPPED;
        }
    }

    private void startChild() {
        state = State.STARTING;
        child = null;
        ChildProcess started = pool.spawn(name);
        child = started;
        if (stopping) {
            started.endInput(); // stop() ran while we were spawning and could not see this child
        }
        if (started.readyAfter() == null) { // a child borrowed from a reserve is ready already
            started.awaitReady();
        }
        state = State.IDLE;
    }

    private <R> void runWithOneRetry(Submission<R> submission) {
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                submission.fail(new PoolException.Closed(name, submission.label()));
                return;
            }
            if (child == null) {
                try {
                    startChild(); // the last replacement could not start; try again
                } catch (RuntimeException cannotStart) {
                    discardChild();
                    state = State.IDLE;
                    submission.fail(new PoolException.WorkerDied(name, -1, " could not be started: " + cannotStart.getMessage()));
                    return; // starting again at once would likely fail again; the next job tries
                }
            }
            try {
                state = State.BUSY;
                runOnce(submission);
                state = State.IDLE;
                return;
            } catch (PoolException.WorkerDied died) {
                child = null;
                if (stopping) {
                    submission.fail(new PoolException.Closed(died.worker(), submission.label()));
                    return;
                }
                pool.countCrash();
                if (attempt == 1) {
                    pool.log(died.getMessage() + "; running the job once more on a replacement");
                    continue; // the loop starts the replacement
                }
                submission.failInWorker(died);
            } catch (PoolException.MalformedFrame malformed) {
                discardChild(); // once the stream is out of step, nothing more it says can be trusted
                submission.failInWorker(malformed);
            } catch (RuntimeException inTheParent) {
                // The job's own half threw here, in the parent — answering a call, or reading the
                // reply: a bug in the job, not in the worker. But the worker may be waiting for an
                // answer that will never come, so it is replaced all the same.
                discardChild();
                submission.failInParent(inTheParent);
            }
            replaceNow();
            return;
        }
    }

    /** Kills the current child, if any, and reaps it. */
    private void discardChild() {
        ChildProcess broken = child;
        child = null;
        if (broken != null) {
            broken.kill();
            pool.release(broken, false);
        }
    }

    /** After a job failed with its worker: a new child at once, so the pool is whole before the next job. */
    private void replaceNow() {
        if (stopping) {
            return;
        }
        try {
            startChild();
        } catch (RuntimeException e) {
            child = null;
            state = State.IDLE;
            pool.log(name + " could not be replaced now (" + e.getMessage() + "); the next job tries again");
        }
    }

    /**
     * One conversation with the child about one job: sends the task, answers each call the task
     * makes, reads and checks the reply, completes the job's future. However it ends — a reply,
     * the child's death, a malformed frame — the job's {@link Job#ended} hook runs.
     */
    private <R> void runOnce(Submission<R> submission) {
        ChildProcess current = child;
        String running = " while running " + submission.label();
        this.running = submission;
        try {
            // Before the write, not after: the worker may start the task (a wait's clock) the moment the
            // frame is in its pipe, while this thread is still descheduled on a busy machine.
            submission.sent();
            current.send(submission.taskFrame(), running);
            Frame reply = current.receive(running);
            while (reply.type().equals(Frame.CALL)) {
                current.send(answer(submission, reply, current), running);
                reply = current.receive(running);
            }
            finish(submission, reply, current);
        } finally {
            this.running = null;
            submission.ended();
        }
    }

    /** The answer to one {@code call} of the running task, computed here, on this slot's thread. */
    private static Frame answer(Submission<?> submission, Frame call, ChildProcess current) {
        try {
            call.expect(Frame.CALL, 1);
            long id = call.number(0, "id");
            if (id != submission.id()) {
                throw new Wire.BadFrameException("a call from task " + id + ", but task " + submission.id() + " is running");
            }
            List<Object> fields = new ArrayList<>();
            fields.add(id);
            fields.addAll(submission.answer(call.from(1)));
            return Frame.of(Frame.ANSWER, fields.toArray());
        } catch (Wire.BadFrameException e) {
            throw new PoolException.MalformedFrame(current.name(),
                    e.getMessage() + " in \"" + Wire.excerpt(Wire.encode(call).strip()) + "\"");
        }
    }

    /** Checks the task's last frame, {@code done} or {@code failed}, and completes the job's future with it. */
    private static <R> void finish(Submission<R> submission, Frame reply, ChildProcess current) {
        try {
            boolean done = reply.type().equals(Frame.DONE);
            if (!done && !reply.type().equals(Frame.FAILED)) {
                throw new Wire.BadFrameException("expected \"call\", \"done\" or \"failed\", got \"" + reply.type() + "\"");
            }
            reply.expect(reply.type(), done ? 4 : 6);
            long id = reply.number(0, "id");
            if (id != submission.id()) {
                throw new Wire.BadFrameException("a reply to task " + id + ", but task " + submission.id() + " is running");
            }
            String thread = reply.text(1, "thread");
            long start = reply.number(2, "start");
            long end = reply.number(3, "end");
            if (end < start) {
                throw new Wire.BadFrameException("the task ended (" + end + ") before it started (" + start + ")");
            }
            submission.trace().record(new Span(submission.label(), "pid " + current.pid(), thread, start, end));
            if (done) {
                submission.complete(reply.from(4)); // decodes: may throw BadFrameException too
            } else {
                submission.fail(new PoolException.TaskFailed(current.name(), submission.label(),
                        reply.text(4, "exception class"), reply.text(5, "message")));
            }
        } catch (Wire.BadFrameException e) {
            throw new PoolException.MalformedFrame(current.name(),
                    e.getMessage() + " in \"" + Wire.excerpt(Wire.encode(reply).strip()) + "\"");
        }
    }

    @Override
    public String toString() {
        ChildProcess current = child;
        return current == null ? name : current.name();
    }
}
