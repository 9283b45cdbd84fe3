package paradigms.generators.exercises;

import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits for whichever of several futures ends first — asyncio's
 * {@code wait(..., return_when=FIRST_COMPLETED)} (the reference solution of exercise
 * {@code first-of}, part 1, generators/README.md, Exercises for you, 1).
 *
 * <p>The contract:
 * <ul>
 *   <li>{@code yieldFrom(new FirstOf(scheduler, futures))} returns the first of
 *       {@code futures} to be done — completed, failed or cancelled: it returns the future, it
 *       never throws the future's failure. If some are already done when it starts, it returns
 *       the first of those in list order without suspending.</li>
 *   <li>It cancels nothing: the others go on.</li>
 *   <li>When it finishes — it returned, or the task running it was cancelled — it leaves no
 *       done-callback on any of the futures (a long-lived future raced again and again would
 *       otherwise collect one per race).</li>
 *   <li>{@code futures} must be non-empty, without nulls: otherwise the constructor throws
 *       {@link IllegalArgumentException} / {@link NullPointerException} naming {@code futures}.</li>
 *   <li>Loop thread only, like every coroutine: no field needs a lock.</li>
 * </ul>
 *
 * <p>States:
 * <pre>
 *   START   -> DONE:     one of them is already done: return it at once
 *   START   -> WAITING:  a done-callback on each; wait for the future they complete
 *   WAITING -> DONE:     the first callback to run completed it: return what it carries
 *   any     -> finished: cleanUp() takes the callbacks off again, however it finished
 * </pre>
 * Why a future of its own: a task waits for one thing at a time (one {@code Await}), so
 * "any of these" must become "this one", which the others' callbacks complete — the first to
 * run wins, the later ones find it done and change nothing.
 */
public final class FirstOf extends Coroutine<Future<?>> {

    private enum State { START, WAITING, DONE }

    private final Scheduler scheduler;
    private final List<Future<?>> futures;
    private Future<Future<?>> first; // completed by the first done-callback that runs
    /** One callback object for every future: removeDoneCallback finds it by identity. */
    private final Consumer<Object> onDone = done -> first.complete((Future<?>) done);
    private State state = State.START;

    public FirstOf(Scheduler scheduler, List<? extends Future<?>> futures) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(futures, "futures");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("futures must not be empty: the first of nothing never comes");
        }
        this.futures = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            this.futures.add(Objects.requireNonNull(futures.get(i), "futures[" + i + "] is null"));
        }
    }

    @Override
    protected Step<Future<?>> resume(Object sent) {
        switch (state) {
            case START -> {
                for (Future<?> future : futures) {
                    if (future.isDone()) {
                        state = State.DONE;
                        return returning(future); // no callback added: nothing to take off
                    }
                }
                first = scheduler.newFuture("first of " + futures.size());
                for (Future<?> future : futures) {
                    future.addDoneCallback(onDone);
                }
                state = State.WAITING;
                return resultOf(first);
            }
            case WAITING -> {
                state = State.DONE;
                return returning((Future<?>) sent);
            }
            default -> throw new IllegalStateException("resumed at " + state);
        }
    }

    /** The finally: runs however it finished — returned, or cancelled while waiting. */
    @Override
    protected void cleanUp() {
        if (first != null) {
            for (Future<?> future : futures) {
                future.removeDoneCallback(onDone); // false for the done ones: their callbacks are gone already
            }
        }
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "first of " + futures.size();
    }
}
