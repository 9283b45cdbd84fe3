package paradigms.asyncawait.exercises;

import paradigms.common.exercises.NotDoneYet;

import java.util.concurrent.CompletableFuture;

/**
 * Exercise {@code pruning-semaphore} (async-await/README.md, "Exercises for you", 1): the
 * chapter's {@code AsyncSemaphore}, but a waiter that gives up — cancelled, or timed out with
 * {@code orTimeout} — leaves the queue at once instead of waiting for a release to skip it.
 *
 * <p>The contract (the acceptance test checks each line):
 * <ul>
 *   <li>{@link #acquire()} never blocks: a completed future when a permit is free, otherwise a
 *       pending one, queued in FIFO order;</li>
 *   <li>{@link #release()} hands the permit to the longest live waiter, or back to the pool;</li>
 *   <li>a waiter completed by anyone but {@link #release()} (cancel, {@code orTimeout},
 *       {@code completeExceptionally}) is removed from the queue by the time its completion's
 *       dependents have run, and never takes a permit;</li>
 *   <li>{@link #waiting()} counts live waiters only; {@link #available()} the free permits.</li>
 * </ul>
 */
public final class PruningSemaphore {

    private static final String TODO = "exercise pruning-semaphore is not done yet: ";
    private static final String WHERE = " — see async-await/README.md, Exercises for you, 1";

    public PruningSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        // Start from the chapter's futures/AsyncSemaphore.java: copy its fields and its constructor here.
    }

    /** A future that completes when the caller holds a permit; never blocks. */
    public CompletableFuture<Void> acquire() {
        throw new NotDoneYet(TODO + "implement PruningSemaphore.acquire(), and remove a waiter from the queue "
                + "when it completes by any other way than release() (hint: whenComplete on the waiter)" + WHERE);
    }

    /** Gives a permit back: to the longest live waiter, or to the pool. */
    public void release() {
        throw new NotDoneYet(TODO + "implement PruningSemaphore.release(), as AsyncSemaphore's" + WHERE);
    }

    /** Live waiters: futures still waiting for a permit. */
    public int waiting() {
        throw new NotDoneYet(TODO + "implement PruningSemaphore.waiting(): the live waiters in the queue" + WHERE);
    }

    /** Permits free right now. */
    public int available() {
        throw new NotDoneYet(TODO + "implement PruningSemaphore.available(): the permits free right now" + WHERE);
    }
}
