package paradigms.generators.coroutine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs coroutines side by side, each in a task of its own, and returns their results in the
 * order given — a join (asyncio's {@code gather}). The first failure is noticed at once,
 * whichever task it comes from: the others are cancelled, and the failure goes on only
 * once they have all finished, so their clean-up has run before the caller hears of it. If
 * the gather itself is cancelled, it cancels its tasks the same way.
 *
 * <p>How it waits for "all done, or one failed": a done-callback on every task counts the
 * tasks that ended and completes one future, {@code settled}, when the last one ends or the
 * first one fails; the gather waits for that future alone.
 *
 * <p>States:
 * <pre>
 * START      -> JOINING:    every coroutine spawned; wait until settled
 * JOINING    -> DONE:       all returned: return their results, in order
 * JOINING    -> CANCELLING: one failed, or this gather was cancelled: cancel every task
 * CANCELLING -> CANCELLING: wait for the next task still running
 * CANCELLING -> (finished): all have finished: throw the first failure
 * </pre>
 */
public final class Gather<T> extends Coroutine<List<T>> {

    private enum State { START, JOINING, CANCELLING, DONE }

    private final Scheduler scheduler;
    private final String what;
    private final List<? extends Coroutine<? extends T>> coroutines;
    private final List<Task<? extends T>> tasks;
    private State state = State.START;
    private Future<Void> settled;
    private int ended;
    private Throwable failure;
    /*
     * Optimisation (for a million waiting tasks): one done-callback for all its tasks, made
     * once; a method reference made per task would be an object, 16 bytes, per task.
     * Plain version: task.onDoneNow(this::taskEnded);
     */
    private final Future.Waker onTaskEnded = this::taskEnded;

    public Gather(Scheduler scheduler, String what, List<? extends Coroutine<? extends T>> coroutines) {
        this.scheduler = scheduler;
        this.what = what;
        this.coroutines = List.copyOf(coroutines);
        this.tasks = new ArrayList<>(coroutines.size());
    }

    @Override
    protected Step<List<T>> resume(Object sent) throws Exception {
        switch (state) {
            case START -> {
                settled = scheduler.newFuture("its " + coroutines.size() + " tasks");
                for (Coroutine<? extends T> coroutine : coroutines) {
                    Task<? extends T> task = scheduler.spawn(coroutine);
                    task.onDoneNow(onTaskEnded); // only counts and completes a future: safe to run at once
                    tasks.add(task);
                }
                if (tasks.isEmpty()) {
                    settled.complete(null);
                }
                state = State.JOINING;
                return resultOf(settled);
            }
            case JOINING -> {
                if (failure != null) {
                    return cancelTheRest(failure);
                }
                List<T> results = new ArrayList<>(tasks.size());
                for (Task<? extends T> task : tasks) {
                    results.add(task.result());
                }
                state = State.DONE;
                return returning(Collections.unmodifiableList(results)); // not List.copyOf: a Void coroutine's result is null
            }
            case CANCELLING -> {
                return waitForTheRest();
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    /**
     * Run as each task ends, on the loop thread: count it; settle at the first failure or the
     * last end. A task that fails after the first failure — while the others are being
     * cancelled, say in its clean-up — is not lost: its exception is added to the first one's
     * suppressed exceptions, as a {@code try}-with-resources does with a failing {@code close}.
     */
    private void taskEnded(Future<?> task) {
        ended++;
        if ((task.isFailed() || task.isCancelled()) && failure == null) {
            failure = task.exception();
            settled.complete(null);
            return;
        }
        if (task.isFailed() && task.exception() != failure) {
            failure.addSuppressed(task.exception());
        }
        if (ended == tasks.size()) {
            settled.complete(null);
        }
    }

    @Override
    protected Step<List<T>> resumeThrowing(Exception thrown) throws Exception {
        if (state == State.JOINING) {
            return cancelTheRest(thrown); // this gather was cancelled (or timed out) while joining
        }
        throw thrown; // already cancelling: a second cancel changes nothing but the exception
    }

    private Step<List<T>> cancelTheRest(Throwable why) throws Exception {
        failure = why;
        state = State.CANCELLING;
        for (Task<? extends T> task : tasks) {
            task.cancel();
        }
        return waitForTheRest();
    }

    private Step<List<T>> waitForTheRest() throws Exception {
        for (Task<? extends T> task : tasks) {
            if (!task.isDone()) {
                return completionOf(task);
            }
        }
        if (failure instanceof Exception exception) { // thrown from CANCELLING: the traceback says where
            throw exception;
        }
        throw (Error) failure;
    }

    @Override
    public String state() {
        return state == State.JOINING ? "JOINING (" + ended + " of " + tasks.size() + " done)" : state.name();
    }

    @Override
    public String name() {
        return "gather " + what;
    }
}
