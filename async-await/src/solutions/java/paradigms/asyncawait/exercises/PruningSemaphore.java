package paradigms.asyncawait.exercises;

import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * Exercise {@code pruning-semaphore}, solved: the chapter's {@code AsyncSemaphore}, except that
 * a waiter that gives up — cancelled, timed out with {@code orTimeout}, failed by anyone —
 * leaves the queue at once, so a storm of timeouts cannot grow it.
 *
 * <p><b>One acquire, as a state machine</b> (the future {@code acquire()} returned):
 * <pre>
 *   acquire() while a permit is free  -> GRANTED at once (an already-completed future)
 *   acquire() while none is free      -> PENDING: at the tail of {@code waiters}
 *   PENDING -> GRANTED:   release() takes it off the head and completes it
 *   PENDING -> ABANDONED: completed by its owner (cancel, orTimeout…); its own whenComplete
 *                         removes it from {@code waiters}, on the thread that completed it
 * </pre>
 *
 * <p><b>Thread safety:</b> any thread may acquire and release. {@link #permits} and
 * {@link #waiters} are guarded by {@code this}; a waiter's future is completed outside the
 * lock, because completing it runs its dependents on the spot (our own removal among them,
 * which takes the lock again — harmless outside it, a re-entry inside it).
 */
public final class PruningSemaphore {

    private int permits;                                                          // guarded by this
    // Insertion-ordered for FIFO, and O(1) removal of any waiter: an ArrayDeque would make each
    // removal a scan of the whole queue, 10,000 timeouts a quadratic walk.
    private final LinkedHashSet<CompletableFuture<Void>> waiters = new LinkedHashSet<>(); // guarded by this

    public PruningSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
    }

    /** A future that completes when the caller holds a permit. Never blocks. */
    public CompletableFuture<Void> acquire() {
        var waiter = new CompletableFuture<Void>();
        synchronized (this) {
            if (permits > 0) {
                permits--;
                return CompletableFuture.completedFuture(null);
            }
            waiters.add(waiter);
        }
        // Hooked outside the lock, because whenComplete on a future that is already complete runs
        // at once, here: a release() on another thread may have granted it in the meantime (it
        // took it off the queue first, so the removal then finds nothing). One hook serves both
        // endings: granted (nothing left to remove) and abandoned (removed now).
        waiter.whenComplete((granted, gaveUp) -> forget(waiter));
        return waiter;
    }

    /** Gives a permit back: to the longest live waiter, or to the pool when nobody waits. */
    public void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                Iterator<CompletableFuture<Void>> oldest = waiters.iterator();
                if (!oldest.hasNext()) {
                    permits++;
                    return;
                }
                next = oldest.next();
                oldest.remove();
            }
            if (next.complete(null)) {
                return; // the permit passed straight to the waiter
            }
            // Lost a race: the waiter gave up between our poll and our complete. Its removal found
            // nothing to remove; the permit goes to the next one.
        }
    }

    /** Live waiters: futures still waiting for a permit. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Permits free right now. */
    public synchronized int available() {
        return permits;
    }

    private synchronized void forget(CompletableFuture<Void> waiter) {
        waiters.remove(waiter);
    }
}
