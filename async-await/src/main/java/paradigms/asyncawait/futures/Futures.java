package paradigms.asyncawait.futures;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The three verbs this chapter keeps needing, written once.
 *
 * <ul>
 *   <li>{@link #gather}: many futures into one future of a list, in the order given —
 *       asyncio's {@code gather};</li>
 *   <li>{@link #sleep}: a future that completes after a delay, holding no thread meanwhile —
 *       {@code asyncio.sleep};</li>
 *   <li>{@link #await}: the ONE place a thread blocks. The exercises' interfaces are
 *       synchronous ({@code download(...)} returns a list), so somewhere the synchronous
 *       world must wait for the asynchronous one — asyncio's {@code asyncio.run()}. Inside
 *       the chains, nothing ever calls {@code join()} or {@code get()}.</li>
 * </ul>
 */
public final class Futures {

    private Futures() {
    }

    /**
     * One future for all: completes with every value, in the order of {@code futures}, once
     * they have all completed; exceptionally if any of them did.
     *
     * <p>Why {@code allOf} then {@code join} one by one: {@code allOf} gives a
     * {@code CompletableFuture<Void>} (it cannot know a common type), so the values are read
     * back from the original futures — in list order, which is what keeps results in input
     * order however the work interleaved. The {@code join()}s here never wait: when
     * {@code allOf} has completed, every one of them is done.
     */
    public static <T> CompletableFuture<List<T>> gather(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new))
                .thenApply(allDone -> futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * A future completed by {@code timer} after {@code delay}. Its continuations run on the
     * timer's thread, unless they were attached with an {@code *Async} method.
     *
     * <p>Why our own timer and not {@link CompletableFuture#delayedExecutor}: that one keeps its
     * timers in a scheduler shared by the whole JVM (in JDK 25, the common {@code ForkJoinPool}'s)
     * and then hands the task on to an executor. A scheduler of our own both waits and runs
     * what comes next, on one thread that the call creates and closes — the exhibition's loop.
     */
    public static CompletableFuture<Void> sleep(Duration delay, ScheduledExecutorService timer) {
        var woken = new CompletableFuture<Void>();
        timer.schedule(() -> woken.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        return woken;
    }

    /**
     * Blocks the calling thread until {@code future} completes, and returns its value.
     *
     * <p>Interruptible (it uses {@code get()}, not {@code join()}): when the caller is
     * interrupted, {@code onInterrupt} stops the work underneath — cancelling {@code future}
     * alone would not, because cancelling a future never reaches the work that completes it
     * (see {@code CancelDoesNotInterruptTest}).
     *
     * @throws RuntimeException the failure that completed the future: a {@code RuntimeException}
     *                          or {@code Error} as it is, a checked one wrapped in a
     *                          {@link CompletionException}
     */
    public static <T> T await(CompletableFuture<T> future, Runnable onInterrupt) throws InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            onInterrupt.run();
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }
}
