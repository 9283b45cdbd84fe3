package paradigms.generators.exercises;

import paradigms.callbacks.loop.Timer;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * A time limit written as a race, without a timer that cancels the caller's task (the
 * reference solution of exercise {@code first-of}, part 2, generators/README.md, Exercises for
 * you, 1). Compare {@code TimeLimit}, which cancels the task it runs in and must then tell its
 * own cancellation from anyone else's.
 *
 * <p>The contract:
 * <ul>
 *   <li>{@code yieldFrom(new RacingTimeLimit<>(scheduler, limit, work))} runs {@code work} as a
 *       task of its own and races it, with {@link FirstOf}, against a future that a loop timer
 *       completes after {@code limit}. The task that runs the race is never cancelled by it.</li>
 *   <li>The work wins: its result is returned, or its exception thrown, as it is; the timer is
 *       cancelled, so no timer outlives the race.</li>
 *   <li>The time wins: the work's task — the loser — is cancelled and <em>awaited</em>, so its
 *       clean-up has run (its socket is closed) before a {@link TimeoutException} comes out,
 *       whose message holds the work's name and the limit.</li>
 *   <li>The race itself is cancelled (or ends any other way): the work's task is cancelled
 *       too and the timer with it — the work never outlives the race.</li>
 *   <li>Null arguments, a zero or negative limit: refused by the constructor, naming the field.</li>
 * </ul>
 *
 * <p>States:
 * <pre>
 *   START    -> RACING:   spawn the work, set the timer, yield from FirstOf(work, time)
 *   RACING   -> RESULT:   the work won: cancel the timer, take its result (done: no wait)
 *   RACING   -> STOPPING: the time won: cancel the work, wait until it has finished
 *   RESULT   -> DONE:     return the work's value (its exception was thrown in instead)
 *   STOPPING -> DONE:     throw the TimeoutException
 *   any      -> finished: cleanUp() cancels the timer and a work task still running
 * </pre>
 */
public final class RacingTimeLimit<T> extends Coroutine<T> {

    private enum State { START, RACING, RESULT, STOPPING, DONE }

    private final Scheduler scheduler;
    private final Duration limit;
    private final Coroutine<T> work;
    private State state = State.START;
    private Task<T> worker;  // the work, in a task of its own
    private Timer timer;     // completes timeUp after the limit

    public RacingTimeLimit(Scheduler scheduler, Duration limit, Coroutine<T> work) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.work = Objects.requireNonNull(work, "work");
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Step<T> resume(Object sent) throws TimeoutException {
        switch (state) {
            case START -> {
                worker = scheduler.spawn(work);
                Future<Void> timeUp = scheduler.newFuture("time limit of " + limit.toMillis() + " ms");
                timer = scheduler.loop().callLater(limit, () -> timeUp.complete(null));
                state = State.RACING;
                return yieldFrom(new FirstOf(scheduler, List.of(worker, timeUp)));
            }
            case RACING -> {
                if (sent == worker) {
                    timer.cancel();
                    state = State.RESULT;
                    return resultOf(worker); // already done: the task resumes us at once, value or exception
                }
                worker.cancel();              // asks; the work unwinds at its next resumption
                state = State.STOPPING;
                return completionOf(worker);  // the loser is awaited: its clean-up runs before we go on
            }
            case RESULT -> {
                state = State.DONE;
                return returning((T) sent);
            }
            case STOPPING -> {
                state = State.DONE;
                throw new TimeoutException(work.name() + ": no result within " + limit.toMillis() + " ms");
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    /**
     * The finally. After a normal end there is nothing left to undo; after a cancellation of the
     * race, the work is cancelled too (it cannot be awaited from a finally: a task still alive
     * when its scheduler's run ends is cancelled and awaited there).
     */
    @Override
    protected void cleanUp() {
        if (timer != null) {
            timer.cancel();
        }
        if (worker != null && !worker.isDone()) {
            worker.cancel();
        }
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "race against " + limit.toMillis() + " ms";
    }
}
