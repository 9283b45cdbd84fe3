package paradigms.generators.coroutine;

/**
 * What one resumption of a {@link Coroutine} hands back to whoever drives it: either it is
 * suspended and says what it waits for ({@link Yield}, Python's {@code yield x}), or it is
 * finished and gives its result ({@link Return}, Python's {@code return x}, which a
 * generator turns into {@code StopIteration(x)}).
 *
 * <p>A coroutine that fails does not return a step: the exception comes out of
 * {@link Coroutine#send} or {@link Coroutine#throwIn} itself.
 *
 * @param <T> the coroutine's result type
 */
public sealed interface Step<T> permits Step.Yield, Step.Return {

    /** Suspended until {@code awaited} has happened. */
    record Yield<T>(Await awaited) implements Step<T> {
        public Yield {
            if (awaited == null) {
                throw new IllegalArgumentException("a coroutine must say what it waits for");
            }
        }
    }

    /** Finished with {@code value} (null for a coroutine of {@code Void}). */
    record Return<T>(T value) implements Step<T> {
    }
}
