package paradigms.generators.coroutine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A result that is not there yet, owned by one event loop: the bridge between coroutines and
 * the callbacks world (asyncio's {@code Future}). Callback code completes it; a coroutine
 * waits for it with {@link Coroutine#resultOf}; anyone may add a done-callback.
 *
 * <p><b>States</b>:
 * <pre>
 *   PENDING --complete(value)-->  DONE
 *   PENDING --fail(error)------>  FAILED
 *   PENDING --cancel()--------->  CANCELLED
 *   DONE, FAILED, CANCELLED: final
 * </pre>
 * Each later attempt to complete, fail or cancel returns false and changes nothing.
 *
 * <p><b>Threads:</b> the loop thread only — every method, including completing it. Another
 * thread hands a result over through the loop ({@link Offload} does it with the loop's
 * {@code runInExecutor}). That is why no field here is volatile or locked.
 *
 * <p><b>Done-callbacks</b> run on the loop thread, never inside the call that completed the
 * future: each is handed to {@code loop.callSoon}. So a callback never runs in the middle of
 * someone else's code (asyncio made the same choice), at the price of one loop turn.
 * A callback added to a future already done is scheduled at once. The one exception is this
 * package's own bookkeeping: a {@link Task} waiting for the future is woken inside
 * {@code complete()} itself, because waking a task only puts it on the ready list — nothing
 * runs — and a loop turn saved per wait is a loop turn saved per lock hand-over, per permit,
 * per answer from a worker.
 *
 * @param <T> the value's type
 */
public class Future<T> {

    private enum State { PENDING, DONE, FAILED, CANCELLED }

    private final Scheduler scheduler;
    private final String label;
    private State state = State.PENDING;
    private T value;
    private Throwable error;
    private boolean failureSeen; // someone asked for the failure: see failureNobodySaw()
    /*
     * The done-callbacks, in the order added.
     *
     * Optimisation (for a million waiting tasks): most futures get one callback or none — a
     * task's, the gather's, the one coroutine waiting for it — so the first has a field of its
     * own and a list is made only for a second; a list per task would be about 48 bytes a task.
     * Plain version: private final List<Consumer<? super Future<T>>> callbacks = new ArrayList<>();
     */
    private Consumer<? super Future<T>> firstCallback;
    private List<Consumer<? super Future<T>>> moreCallbacks;

    public Future(Scheduler scheduler, String label) {
        this.scheduler = scheduler;
        this.label = label;
    }

    public boolean complete(T value) {
        return settle(State.DONE, value, null);
    }

    public boolean fail(Throwable error) {
        if (error == null) {
            throw new IllegalArgumentException("a future fails with an exception, not null");
        }
        return settle(State.FAILED, null, error);
    }

    /** Cancels it if still pending; whoever awaits its result gets a {@link CancellationException}. */
    public boolean cancel() {
        return settle(State.CANCELLED, null, null);
    }

    public final boolean isDone() {
        return state != State.PENDING;
    }

    public final boolean isCancelled() {
        return state == State.CANCELLED;
    }

    public final boolean isFailed() {
        return state == State.FAILED;
    }

    /**
     * The value, once done. Throws the failure (as it is, when unchecked; wrapped in a
     * {@link CompletionException} when checked), a
     * {@link CancellationException}, or an {@link IllegalStateException} while pending.
     */
    public final T result() {
        switch (state) {
            case DONE -> {
                return value;
            }
            case FAILED -> {
                failureSeen = true;
                if (error instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (error instanceof Error fatal) {
                    throw fatal;
                }
                throw new CompletionException(error);
            }
            case CANCELLED -> throw new CancellationException(this + " was cancelled");
            default -> throw new IllegalStateException(this + " is not done yet");
        }
    }

    /** The failure, the cancellation as an exception, or null when it completed normally. */
    public final Throwable exception() {
        return switch (state) {
            case FAILED -> {
                failureSeen = true;
                yield error;
            }
            case CANCELLED -> new CancellationException(this + " was cancelled");
            case DONE -> null;
            case PENDING -> throw new IllegalStateException(this + " is not done yet");
        };
    }

    public final void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (isDone()) {
            scheduler.loop().callSoon(() -> callback.accept(this));
        } else {
            keep(callback);
        }
    }

    private void keep(Consumer<? super Future<T>> callback) {
        if (firstCallback == null && moreCallbacks == null) {
            firstCallback = callback;
            return;
        }
        if (moreCallbacks == null) {
            moreCallbacks = new ArrayList<>(2);
        }
        moreCallbacks.add(callback);
    }

    /**
     * For this package's own bookkeeping ({@link Task}, {@link Gather}): runs {@code waker}
     * inside the completing call. It must do no more than record the outcome and make a task
     * ready — nothing that could run user code in the middle of someone else's.
     */
    final void onDoneNow(Waker waker) {
        if (isDone()) {
            waker.accept(this);
        } else {
            keep(waker);
        }
    }

    /**
     * A done-callback that runs at once instead of on a later loop turn.
     *
     * <p>Optimisation (for a million waiting tasks): the type marks it, so that the list of
     * callbacks holds it as it is, with no wrapper object per callback saying "run at once".
     * Plain version: {@code keep(new DoneCallback(callback, true))}, a record of the callback
     * and its flag, made for every callback.
     */
    @FunctionalInterface
    interface Waker extends Consumer<Future<?>> {
    }

    /** Removes a callback that has not been scheduled yet; true if it was there. */
    public final boolean removeDoneCallback(Consumer<? super Future<T>> callback) {
        if (isDone()) {
            return false;
        }
        if (firstCallback == callback) {
            firstCallback = moreCallbacks == null || moreCallbacks.isEmpty() ? null : moreCallbacks.removeFirst(); // keeps the order
            return true;
        }
        return moreCallbacks != null && moreCallbacks.remove(callback);
    }

    public final Scheduler scheduler() {
        return scheduler;
    }

    /**
     * The failure, if it failed and nobody has asked for it — not through {@link #result()},
     * not through {@link #exception()}: the scheduler reports such a task's failure rather
     * than let it vanish (asyncio's "Task exception was never retrieved"). Null otherwise.
     */
    final Throwable failureNobodySaw() {
        return state == State.FAILED && !failureSeen ? error : null;
    }

    /** Whether it is pending or how it ended — for the dump. */
    public final String status() {
        return state.name();
    }

    /** Its label (a {@link Task} overrides this, to name itself only when asked). */
    @Override
    public String toString() {
        return label;
    }

    private boolean settle(State outcome, T value, Throwable error) {
        if (state != State.PENDING) {
            return false;
        }
        state = outcome;
        this.value = value;
        this.error = error;
        Consumer<? super Future<T>> first = firstCallback;
        List<Consumer<? super Future<T>>> more = moreCallbacks;
        firstCallback = null;
        moreCallbacks = null;
        if (first != null) {
            runOrSchedule(first);
        }
        if (more != null) {
            more.forEach(this::runOrSchedule);
        }
        return true;
    }

    private void runOrSchedule(Consumer<? super Future<T>> callback) {
        if (callback instanceof Waker) {
            callback.accept(this);
        } else {
            scheduler.loop().callSoon(() -> callback.accept(this));
        }
    }
}
