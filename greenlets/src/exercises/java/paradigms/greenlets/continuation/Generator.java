package paradigms.greenlets.continuation;

import paradigms.common.exercises.NotDoneYet;

import java.util.Iterator;

/**
 * Exercise {@code generator} (greenlets/README.md, Exercises for you, 8): a Python-style generator
 * on {@code jdk.internal.vm.Continuation}, the continuation underneath virtual threads.
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

    Generator(Body<T> body) {
    }

    @Override
    public boolean hasNext() {
        throw notDone();
    }

    @Override
    public T next() {
        throw notDone();
    }

    private static NotDoneYet notDone() {
        return new NotDoneYet("exercise generator is not done yet: implement Generator (start from Switchboard's"
                + " Continuation) — see greenlets/README.md, Exercises for you, 8");
    }
}
