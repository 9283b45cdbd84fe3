package paradigms.generators.coroutine;

import java.nio.channels.SelectableChannel;
import java.time.Duration;

/**
 * A coroutine written by hand as a state machine — what a compiler makes of a function with
 * {@code yield} in it, because Java has no {@code yield} of its own.
 *
 * <p>How a generator becomes a state machine. In Python one would write
 * <pre>
 * def fetch(url):
 *     sock = start_connect(url)
 *     yield Writable(sock)             # suspended: CONNECTING
 *     sock.send(request)
 *     body = yield from read_all(sock)  # suspended: RECEIVING
 *     return body
 * </pre>
 * and here the same coroutine is a subclass in which
 * <ul>
 *   <li>every local variable that lives across a {@code yield} ({@code sock}) becomes a field;</li>
 *   <li>the place to continue from becomes a {@code state} field, one value per {@code yield};</li>
 *   <li>{@link #resume} runs from one {@code yield} to the next: it switches on {@code state},
 *       does the work, sets the next state and returns a {@link Step} — what it waits for now
 *       ({@link Step.Yield}) or its result ({@link Step.Return});</li>
 *   <li>an exception thrown in at a {@code yield} arrives in {@link #resumeThrowing}, which
 *       switches on the same {@code state}: the {@code try/except} around that {@code yield}
 *       (by default there is none: the exception goes on, to the caller);</li>
 *   <li>{@link #cleanUp} is the {@code finally} around the whole body: it runs exactly once,
 *       whether the coroutine returns, fails, or is cancelled.</li>
 * </ul>
 * The value a {@code yield} evaluates to is the {@code sent} argument of the next
 * {@link #resume}, an {@code Object} that the coroutine casts — as a compiler's output
 * would (Kotlin's state machines take an {@code Object} too).
 *
 * <p><b>Lifecycle</b>, enforced here so that a driver's mistake is an exception, not a mystery:
 * <pre>
 * NEW       -> RUNNING:   send(null), the first resumption
 * SUSPENDED -> RUNNING:   send(value) or throwIn(error)
 * RUNNING   -> SUSPENDED: resume/resumeThrowing returned a Yield
 * RUNNING   -> FINISHED:  it returned a Return, or threw (cleanUp() has then run, once)
 * NEW       -> FINISHED:  throwIn(error) before it ever ran: nothing to clean up, error is rethrown
 * </pre>
 * Resuming a RUNNING coroutine (from inside itself) or a FINISHED one is an
 * {@link IllegalStateException}, like Python's "generator already executing".
 *
 * <p><b>Threads:</b> none of its own. A coroutine is not thread-safe; its {@link Task}
 * resumes it on the loop thread only, which is why its fields need no locks.
 *
 * @param <T> what it returns
 */
public abstract class Coroutine<T> {

    private enum Phase { NEW, RUNNING, SUSPENDED, FINISHED }

    private Phase phase = Phase.NEW;

    /**
     * While on a task's stack of coroutines: the one below, which delegated to this one and
     * gets its result ({@code null} at the bottom). Set and cleared by the {@link Task}.
     *
     * <p>Optimisation (for a million waiting tasks): the task's stack is linked through this
     * field, as a Python frame's {@code f_back} links it to its caller, instead of being a
     * collection in the task: no array per task (see {@link Task}'s field {@code top}).
     * Plain version: {@code private final ArrayDeque<Coroutine<?>> stack = new ArrayDeque<>();} in {@link Task}.
     */
    Coroutine<?> caller;

    /**
     * Runs from where the coroutine is suspended to its next {@code yield} or its end.
     *
     * @param sent what the awaited thing produced (null for the first resumption)
     */
    protected abstract Step<T> resume(Object sent) throws Exception;

    /**
     * The exception handlers: {@code thrown} is raised at the {@code yield} the coroutine is
     * suspended at. Override to catch it in some states; the default lets it through, as a
     * {@code yield} with no {@code try} around it would.
     */
    protected Step<T> resumeThrowing(Exception thrown) throws Exception {
        throw thrown;
    }

    /** The {@code finally} block: runs once when the coroutine finishes, however it finishes. */
    protected void cleanUp() throws Exception {
    }

    /** Where it is suspended (or running): the name of its current state, for dumps and tracebacks. */
    public abstract String state();

    /** What it is, for dumps and tracebacks, e.g. {@code "fetch /data/1"}. */
    public String name() {
        return getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ driving it

    /** Resumes the coroutine with {@code value}: the value of the {@code yield} it is suspended at. */
    public final Step<T> send(Object value) throws Exception {
        enter("send to");
        Step<T> step;
        try {
            step = resume(value);
        } catch (Exception | Error failure) {
            finishWith(failure);
            throw failure;
        }
        return afterStep(step);
    }

    /** Resumes the coroutine by raising {@code error} at the {@code yield} it is suspended at. */
    public final Step<T> throwIn(Throwable error) throws Exception {
        if (phase == Phase.NEW) {
            phase = Phase.FINISHED; // it never ran: no try to catch it, no finally to run
            throw sneaky(error);
        }
        enter("throw into");
        if (!(error instanceof Exception exception)) {
            // An Error (an assertion, out of memory) is not for a coroutine to catch: clean up, pass it on.
            finishWith(error);
            throw sneaky(error);
        }
        Step<T> step;
        try {
            step = resumeThrowing(exception);
        } catch (Exception | Error failure) {
            finishWith(failure);
            throw failure;
        }
        return afterStep(step);
    }

    public final boolean isFinished() {
        return phase == Phase.FINISHED;
    }

    @Override
    public String toString() {
        return name() + " at " + state();
    }

    private void enter(String what) {
        switch (phase) {
            case RUNNING -> throw new IllegalStateException("cannot " + what + " " + this + ": it is already running");
            case FINISHED -> throw new IllegalStateException("cannot " + what + " " + this + ": it has finished");
            case NEW, SUSPENDED -> phase = Phase.RUNNING;
        }
    }

    /** It is ending with {@code failure}: note where in the exception, and run the finally. */
    private void finishWith(Throwable failure) {
        CoroutineTraceback.record(failure, this); // the stack of coroutines, written into the exception
        phase = Phase.FINISHED;
        try {
            cleanUp();
        } catch (Exception cleanUpFailure) {
            failure.addSuppressed(cleanUpFailure);
        }
    }

    private Step<T> afterStep(Step<T> step) throws Exception {
        if (step == null) {
            phase = Phase.FINISHED;
            throw new IllegalStateException(this + " returned no step: every path of resume must return one");
        }
        if (step instanceof Step.Return<T>) {
            phase = Phase.FINISHED;
            try {
                cleanUp();
            } catch (Exception cleanUpFailure) { // a finally block that throws replaces the result
                CoroutineTraceback.record(cleanUpFailure, this);
                throw cleanUpFailure;
            }
        } else {
            phase = Phase.SUSPENDED;
        }
        return step;
    }

    /** Rethrows any throwable without declaring it: the caller's {@code throws Exception} covers it in practice. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable error) throws E {
        throw (E) error;
    }

    // ------------------------------------------------------------------ for subclasses: what to yield

    /** {@code yield awaited}: suspend until it has happened. */
    protected final Step<T> suspend(Await awaited) {
        return new Step.Yield<>(awaited);
    }

    /** {@code yield from sub}: run {@code sub} to its end in this task; its result is sent back. */
    protected final Step<T> yieldFrom(Coroutine<?> sub) {
        return suspend(new Await.Delegate(sub));
    }

    protected final Step<T> sleep(Duration duration) {
        return suspend(new Await.Delay(duration));
    }

    protected final Step<T> untilReadable(SelectableChannel channel) {
        return suspend(new Await.Readable(channel));
    }

    protected final Step<T> untilWritable(SelectableChannel channel) {
        return suspend(new Await.Writable(channel));
    }

    /** {@code yield from future}: its value is sent back, its failure thrown in. */
    protected final Step<T> resultOf(Future<?> future) {
        return suspend(new Await.Result(future));
    }

    /** Waits for the future to end, however it ends; the future itself is sent back. */
    protected final Step<T> completionOf(Future<?> future) {
        return suspend(new Await.Completion(future));
    }

    /** Lets every other ready task run first. */
    protected final Step<T> pass() {
        return suspend(new Await.Pass());
    }

    /** {@code return value}. */
    protected final Step<T> returning(T value) {
        return new Step.Return<>(value);
    }
}
