package paradigms.generators.coroutine;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Runs a coroutine with a time limit, in the same task (asyncio's {@code timeout()}): it
 * delegates to the coroutine and sets a timer that cancels the task when the time is up.
 * The {@link CancellationException} is thrown in where the coroutine waits, unwinds it —
 * its clean-up runs: an HTTP exchange closes its socket — and arrives here, where it becomes
 * a {@link TimeoutException} (with the cancellation as its cause).
 *
 * <p>States:
 * <pre>
 * START   -> RUNNING:    the timer is set; delegate to the coroutine
 * RUNNING -> DONE:       it returned in time: cancel the timer, return its result
 * RUNNING -> (finished): it threw: cancel the timer; the timer's own cancellation comes out
 *                        as a TimeoutException, anything else as it is
 * </pre>
 * Teaching shortcut: a cancel from elsewhere in the very tick the timer fires is taken for
 * the timer's (asyncio counts cancel requests to tell the two apart).
 */
public final class TimeLimit<T> extends Coroutine<T> {

    private enum State { START, RUNNING, DONE }

    private final Scheduler scheduler;
    private final Duration limit;
    private final Coroutine<T> coroutine;
    private State state = State.START;
    private Runnable cancelTimer = () -> { };
    private boolean timeIsUp;

    public TimeLimit(Scheduler scheduler, Duration limit, Coroutine<T> coroutine) {
        this.scheduler = scheduler;
        this.limit = limit;
        this.coroutine = coroutine;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Step<T> resume(Object sent) {
        switch (state) {
            case START -> {
                Task<?> task = scheduler.current(); // the task running this coroutine, now
                var timer = scheduler.loop().callLater(limit, () -> {
                    timeIsUp = true;
                    task.cancel();
                });
                cancelTimer = timer::cancel;
                state = State.RUNNING;
                return yieldFrom(coroutine);
            }
            case RUNNING -> {
                cancelTimer.run();
                state = State.DONE;
                return returning((T) sent);
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    @Override
    protected Step<T> resumeThrowing(Exception thrown) throws Exception {
        cancelTimer.run();
        if (thrown instanceof CancellationException cancellation && timeIsUp) {
            var timeout = new TimeoutException(coroutine.name() + ": no result within " + Describe.duration(limit));
            timeout.initCause(cancellation); // its traceback says where the coroutine was cut off
            throw timeout;
        }
        throw thrown;
    }

    @Override
    protected void cleanUp() {
        cancelTimer.run();
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "within " + Describe.duration(limit);
    }
}
