package paradigms.generators.coroutine;

import paradigms.callbacks.loop.Timer;

import java.util.ArrayList;
import java.util.concurrent.CancellationException;

/**
 * Drives one coroutine — and every coroutine it delegates to — on the event loop, and is
 * itself the {@link Future} of that coroutine's result (asyncio's {@code Task}; the second
 * stage of the 500 Lines crawler). The Task is the trampoline: it holds the coroutines as an
 * explicit stack, resumes the one on top, and turns what it yields into a registration with
 * the loop whose callback puts the Task back on its scheduler's ready list.
 *
 * <p><b>States</b>, all changed on the loop thread:
 * <pre>
 *   READY   --its scheduler's tick reaches it (step())------------------------>  RUNNING
 *   RUNNING --the top yielded Delegate(sub): push sub, start it at once------->  RUNNING
 *   RUNNING --the top yielded Result or Completion of a future already done--->  RUNNING
 *             (resumed at once, as asyncio's {@code await} of a done future does not suspend)
 *   RUNNING --the top returned: pop it, send its value to the one below------->  RUNNING
 *   RUNNING --the top threw: pop it, throw the exception into the one below--->  RUNNING
 *   RUNNING --the top yielded Readable, Writable, Delay, Result or Completion->  WAITING
 *             (registered with the loop or the future; back to the loop)
 *   RUNNING --the top yielded Pass-------------------------------------------->  READY (at the back)
 *   WAITING --what it waited for happened (what to resume with is kept)------>  READY
 *   WAITING --cancel(): the wait is undone------------------------------------>  READY
 *   RUNNING --the bottom coroutine returned----------------------------------->  DONE (completed)
 *   RUNNING --the bottom coroutine threw-------------------------------------->  DONE (failed)
 *   RUNNING --the bottom coroutine let a CancellationException out------------>  DONE (cancelled)
 *   DONE: final; cancel() returns false
 * </pre>
 * {@link #cancel()} asks, it does not kill: in READY and WAITING the next resumption throws a
 * {@link CancellationException} into the top coroutine instead of sending it a value; in
 * RUNNING (a task cancelling itself) it is thrown in at the next {@code yield}. The exception
 * unwinds the stack of coroutines, running each one's {@link Coroutine#cleanUp} — or is
 * caught, and the task goes on. A task not yet started is cancelled without running at all.
 *
 * <p>A wait is undone by {@code stopWaiting}: remove the channel's interest, cancel the timer
 * or remove the done-callback that {@code startWaiting} registered. A wake-up that was
 * already scheduled when the wait was undone is recognised as stale by its wait number and
 * ignored.
 *
 * <p>A task that fails while nobody waits for it keeps its exception; its scheduler reports
 * it to the loop's error handler when {@link Scheduler#run} ends, unless someone asked for
 * it meanwhile ({@link #result()} or {@link #exception()}).
 */
public final class Task<T> extends Future<T> {

    enum State { READY, RUNNING, WAITING, DONE }

    private final int id;
    private final Coroutine<T> coroutine;
    /**
     * The stack of coroutines: its top, the coroutine running or suspended now; each one's
     * {@link Coroutine#caller} is the one below, down to the task's own coroutine at the bottom.
     *
     * <p>Optimisation (for a million waiting tasks): a stack linked through the coroutines
     * rather than a collection: no array per task, about 64 bytes a task (64 MB for a million).
     * Plain version: {@code private final ArrayDeque<Coroutine<?>> stack = new ArrayDeque<>();}
     * with {@code stack.push(sub)}, {@code stack.pop()} and {@code stack.peek()} for the top.
     */
    private Coroutine<?> top;

    private State state = State.READY;
    private Object toSend;         // what the next resumption sends, when READY
    private Throwable toThrow;     // or what it throws in instead
    private boolean cancelling;    // cancel() asked; the CancellationException is not thrown in yet
    private Await awaiting;        // while WAITING: what for (for the dump, and to undo the wait)
    private Object waitHandle;     // while WAITING for a timer or a future: the Timer, or the Waker to remove (see stopWaiting)
    private int waitNumber;        // tells a stale wake-up from the current one
    Task<?> previousLive;          // the links of the scheduler's LiveTasks: its business
    Task<?> nextLive;

    Task(Scheduler scheduler, int id, Coroutine<T> coroutine) {
        /*
         * Optimisation (for a million waiting tasks): the future's label is made only when
         * asked for (see toString); most tasks are never printed, and a label is a string of
         * some 50 bytes per task.
         * Plain version: super(scheduler, "task #" + id + " " + coroutine.name());
         */
        super(scheduler, null);
        this.id = id;
        this.coroutine = coroutine;
        this.top = coroutine;
    }

    @Override
    public String toString() {
        return "task #" + id + " " + coroutine.name();
    }

    /** Asks the task to stop: see the class comment. False if it is already done. */
    @Override
    public boolean cancel() {
        if (state == State.DONE) {
            return false;
        }
        cancelling = true;
        if (state == State.WAITING) {
            stopWaiting();
            state = State.READY;
            scheduler().makeReady(this);
        }
        return true;
    }

    /** A task's outcome is its coroutine's: nobody else may complete it. */
    @Override
    public boolean complete(T value) {
        throw new UnsupportedOperationException("a task completes when its coroutine returns");
    }

    @Override
    public boolean fail(Throwable error) {
        throw new UnsupportedOperationException("a task fails when its coroutine throws");
    }

    int id() {
        return id;
    }

    State state() {
        return state;
    }

    /** Runs the task from its current suspension to its next one (or its end). Called by the tick. */
    void step() {
        if (state != State.READY) {
            return; // cancelled and finished by an earlier step of this tick: nothing to do
        }
        state = State.RUNNING;
        Object value = toSend;
        Throwable error = cancelling ? new CancellationException(this + " was cancelled") : toThrow;
        cancelling = false;
        toSend = null;
        toThrow = null;
        try (var slice = scheduler().trace().begin(coroutine.name())) { // one span per step: the gaps are the suspensions
            run(value, error);
        }
    }

    private void run(Object value, Throwable error) {
        while (true) {
            Step<?> step;
            try {
                step = error == null ? top.send(value) : top.throwIn(error);
            } catch (Throwable failure) { // the top coroutine ended with an exception: throw it into the one below
                pop();
                if (top == null) {
                    finish(null, failure);
                    return;
                }
                value = null;
                error = failure;
                continue;
            }
            switch (step) {
                case Step.Return<?> done -> { // pop it; its value goes to the one below
                    pop();
                    if (top == null) {
                        finish(done.value(), null);
                        return;
                    }
                    value = done.value();
                    error = null;
                }
                case Step.Yield<?>(Await.Delegate(Coroutine<?> sub)) -> { // yield from: push, start it now
                    if (sub.isFinished() || sub.caller != null || sub == coroutine) {
                        value = null;
                        error = new IllegalStateException("cannot delegate to " + sub + ": it has finished or is already on a task's stack");
                    } else {
                        sub.caller = top; // push
                        top = sub;
                        value = null;
                        error = null;
                    }
                }
                case Step.Yield<?>(Await awaited) when cancelling -> { // it cancelled itself: throw in at this yield
                    cancelling = false;
                    value = null;
                    error = new CancellationException(this + " was cancelled");
                }
                case Step.Yield<?>(Await.Result(Future<?> future)) when future.isDone() -> { // nothing to wait for
                    value = future.isFailed() || future.isCancelled() ? null : future.result();
                    error = future.isFailed() || future.isCancelled() ? future.exception() : null;
                }
                case Step.Yield<?>(Await.Completion(Future<?> future)) when future.isDone() -> {
                    value = future;
                    error = null;
                }
                case Step.Yield<?>(Await awaited) -> {
                    startWaiting(awaited);
                    return;
                }
            }
        }
    }

    private void pop() {
        Coroutine<?> popped = top;
        top = popped.caller;
        popped.caller = null;
    }

    private void startWaiting(Await awaited) {
        int myWait = ++waitNumber;
        awaiting = awaited;
        state = State.WAITING;
        var loop = scheduler().loop();
        switch (awaited) {
            case Await.Readable(var channel) -> loop.onReadable(channel, () -> wake(myWait, null, null));
            case Await.Writable(var channel) -> loop.onWritable(channel, () -> wake(myWait, null, null));
            case Await.Delay(var duration) -> waitHandle = loop.callLater(duration, () -> wake(myWait, null, null));
            case Await.Result(Future<?> future) -> whenDone(future, myWait, true);
            case Await.Completion(Future<?> future) -> whenDone(future, myWait, false);
            case Await.Pass() -> wake(myWait, null, null);
            case Await.Delegate delegate -> throw new AssertionError("delegation never waits");
        }
    }

    private void whenDone(Future<?> future, int myWait, boolean wantsResult) {
        Future.Waker callback = done -> {
            if (!wantsResult) {
                wake(myWait, done, null);
            } else if (done.isCancelled() || done.isFailed()) {
                wake(myWait, null, done.exception());
            } else {
                wake(myWait, done.result(), null);
            }
        };
        future.onDoneNow(callback);
        if (state == State.WAITING) { // not woken at once by a future done meanwhile
            waitHandle = callback;
        }
    }

    private void wake(int wait, Object value, Throwable error) {
        if (wait != waitNumber || state != State.WAITING) {
            return; // a wake-up for a wait that cancel() already undid
        }
        awaiting = null;
        waitHandle = null;
        toSend = value;
        toThrow = error;
        state = State.READY;
        scheduler().makeReady(this);
    }

    /**
     * Undoes the current wait, so that nothing is left registered for a task that no longer
     * waits: the channel's interest, the timer, the done-callback.
     */
    private void stopWaiting() {
        waitNumber++; // any wake-up already on its way is now stale
        /*
         * Optimisation (for a million waiting tasks): a switch on what it waits for, using the
         * Timer or Waker that startWaiting kept in waitHandle, instead of a Runnable undoWait
         * that startWaiting would make at every wait (undoWait = timer::cancel, and so on):
         * one object fewer, 16 bytes, per waiting task.
         * Plain version: undoWait.run();
         */
        var loop = scheduler().loop();
        switch (awaiting) {
            case Await.Readable(var channel) -> loop.removeInterest(channel);
            case Await.Writable(var channel) -> loop.removeInterest(channel);
            case Await.Delay delay -> ((Timer) waitHandle).cancel();
            case Await.Result(Future<?> future) -> future.removeDoneCallback((Future.Waker) waitHandle);
            case Await.Completion(Future<?> future) -> future.removeDoneCallback((Future.Waker) waitHandle);
            case Await.Pass pass -> { } // woken at once: never WAITING
            case Await.Delegate delegate -> { } // never waits
        }
        awaiting = null;
        waitHandle = null;
    }

    @SuppressWarnings("unchecked")
    private void finish(Object value, Throwable failure) {
        state = State.DONE;
        if (failure == null) {
            super.complete((T) value);
        } else if (failure instanceof CancellationException) {
            super.cancel();
        } else {
            super.fail(failure);
        }
        scheduler().taskDone(this);
    }

    /** One line for the dump: the task, its stack of coroutines bottom to top, and what it waits for. */
    String describe() {
        var topDown = new ArrayList<String>();
        for (Coroutine<?> c = top; c != null; c = c.caller) {
            topDown.add(c.toString());
        }
        String line = "#" + id + " " + String.join(" > ", topDown.reversed());
        if (cancelling) {
            return line + " <- cancelled: a CancellationException is thrown in next";
        }
        return awaiting == null ? line : line + " <- " + awaiting.describe();
    }
}
