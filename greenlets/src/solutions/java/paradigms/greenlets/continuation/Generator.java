package paradigms.greenlets.continuation;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Exercise {@code generator}: a Python-style generator on the continuation underneath virtual
 * threads. The body is ordinary code that calls {@link Emitter#emit} wherever it has a value —
 * in a loop, or many calls deep in a recursion; {@link #next()} runs the body until its next
 * {@code emit} and returns that value.
 *
 * <p>Chapter 4's coroutines are state machines written by hand, because a Java method cannot stop
 * in the middle; here the body stops in the middle for real: {@code emit} yields the continuation,
 * its frames move to the heap, and {@link #next()} gets its value back from {@code run()}. What a
 * generator there could not do — yield from a nested call — is free here: the whole stack between
 * {@code run()} and {@code emit} is kept.
 *
 * <p>States:
 * <pre>
 *   NEW       --hasNext()/next()--> RUNNING (the body starts)
 *   RUNNING   --emit(value)-------> SUSPENDED, holding the value for next()
 *   SUSPENDED --next()------------> handed out; the body runs again at the next hasNext()/next()
 *   RUNNING   --the body returns--> DONE: hasNext() false, next() throws NoSuchElementException
 *   RUNNING   --the body throws---> DONE, and the exception is thrown from that hasNext()/next()
 * </pre>
 *
 * <p>Thread confinement: a generator belongs to the thread that iterates it; nothing is
 * synchronised. Teaching shortcut: {@code jdk.internal.vm.Continuation} is internal and
 * unsupported (see {@code Switchboard}).
 *
 * @param <T> the values emitted
 */
final class Generator<T> implements Iterator<T> {

    /** The generator's code; it hands out values with {@link Emitter#emit}. */
    @FunctionalInterface
    interface Body<T> {
        void run(Emitter<T> out);
    }

    /** Handed to the body: its one way to produce a value. */
    @FunctionalInterface
    interface Emitter<T> {
        /**
         * Suspends the body here, hands {@code value} to {@link #next()}, and returns when the
         * generator is asked for the value after it.
         *
         * @throws IllegalStateException if called outside this generator's body
         */
        void emit(T value);
    }

    private static final ContinuationScope SCOPE = new ContinuationScope("generators");

    private final Continuation continuation;
    private T value;                 // the value emitted and not handed out yet; valid while ready
    private boolean ready;           // a value is waiting for next()
    private RuntimeException thrown; // what the body threw, to be rethrown by hasNext()/next()
    private Error error;             // the same for an Error

    Generator(Body<T> body) {
        this.continuation = new Continuation(SCOPE, () -> {
            try {
                body.run(this::emit);
            } catch (RuntimeException e) {
                thrown = e;
            } catch (Error e) {
                error = e;
            }
        });
    }

    /** Runs the body up to its next value (or its end) unless a value is already waiting. */
    @Override
    public boolean hasNext() {
        if (!ready && !continuation.isDone()) {
            continuation.run(); // returns at the body's next emit, or when the body ends
            rethrowWhatTheBodyThrew();
        }
        return ready;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generator's body has returned");
        }
        T next = value;
        value = null;
        ready = false;
        return next;
    }

    private void emit(T emitted) {
        if (Continuation.getCurrentContinuation(SCOPE) != continuation) {
            throw new IllegalStateException("emit is called from inside this generator's body");
        }
        value = emitted;
        ready = true;
        Continuation.yield(SCOPE); // back to run() in hasNext(); returns when the body is run again
    }

    private void rethrowWhatTheBodyThrew() {
        if (thrown != null) {
            RuntimeException e = thrown;
            thrown = null;
            throw e;
        }
        if (error != null) {
            Error e = error;
            error = null;
            throw e;
        }
    }
}
