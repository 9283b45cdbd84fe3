package paradigms.asyncawait.futures;

import paradigms.asyncawait.futures.Futures;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A semaphore that never blocks a thread: {@link #acquire()} returns a future that completes
 * when a permit is granted, and a caller waiting for a permit is a pending future in a
 * queue, not a parked thread. This is how "at most C in flight" is kept in this chapter
 * (asyncio's {@code Semaphore} is the same idea: {@code await sem.acquire()}).
 *
 * <p><b>Why not {@link java.util.concurrent.Semaphore}:</b> its {@code acquire()} parks the
 * calling thread. In this chapter the calling thread is whichever thread completed the
 * previous future — the HTTP client's worker, a timer thread — and parking it would stop it
 * from completing anything else. A thousand waiting URLs would need a thousand parked
 * threads; here they are a thousand small objects in {@link #waiters}.
 *
 * <p><b>One acquire, as a state machine</b> (the future {@code acquire()} returned):
 * <pre>
 *   acquire() while a permit is free  -> GRANTED at once (an already-completed future)
 *   acquire() while none is free      -> PENDING: queued at the tail of {@code waiters}
 *   PENDING   -> GRANTED:  release() hands its permit to the head of the queue
 *   PENDING   -> ABANDONED: its owner cancelled it or it timed out (orTimeout);
 *                          release() finds it completed, skips it, tries the next one
 *   GRANTED   -> (the owner calls release() exactly once when done)
 * </pre>
 * Waiters are granted in FIFO order: the one that waited longest goes first.
 *
 * <p><b>Thread safety:</b> any thread may acquire and release. {@link #permits} and
 * {@link #waiters} are guarded by {@code this}, and the invariant under that lock is
 * "{@code permits == 0 || waiters.isEmpty()}": a free permit and a waiter never coexist.
 * A waiter's future is completed <em>outside</em> the lock, because completing a future runs
 * its continuations right there, on the releasing thread (see {@code ContinuationThreadsTest}):
 * code we do not know must never run while we hold our lock.
 *
 * <p><b>Teaching shortcut:</b> an abandoned waiter stays in the queue until a release reaches
 * it. A production version would remove it when it is cancelled, so that a storm of timeouts
 * cannot grow the queue.
 */
public final class AsyncSemaphore {

    private int permits;                                                   // guarded by this
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>(); // guarded by this

    public AsyncSemaphore(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        this.permits = permits;
    }

    /**
     * A future that completes when the caller holds a permit. Never blocks: when no permit is
     * free the future is simply returned pending. The caller must {@link #release()} once it
     * is done — {@link #withPermit} does that for you.
     */
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (permits > 0) {
                permits--;
                return CompletableFuture.completedFuture(null);
            }
            var waiter = new CompletableFuture<Void>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /**
     * Gives a permit back: to the longest waiter still waiting, or to the pool when nobody
     * waits. The waiter's continuations (its next step of work) run on this thread, now.
     */
    public void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    permits++;
                    return;
                }
            }
            if (next.complete(null)) {
                return; // the permit passed straight from us to the waiter
            }
            // complete() returned false: this waiter was abandoned (cancelled, timed out). Next one.
        }
    }

    /**
     * Runs {@code work} once a permit is held and releases the permit when the work's future
     * completes, normally or not — the asynchronous {@code async with semaphore:}.
     *
     * <p>{@code work} is started on whichever thread grants the permit: the caller's, if a
     * permit is free now; otherwise the thread that calls {@link #release()} later.
     */
    public <T> CompletableFuture<T> withPermit(Supplier<? extends CompletionStage<T>> work) {
        return acquire().thenCompose(granted -> {
            CompletionStage<T> started;
            try {
                started = work.get();
            } catch (RuntimeException | Error failedToStart) {
                release();
                throw failedToStart;
            }
            return started.whenComplete((value, error) -> release());
        });
    }

    /** Futures waiting for a permit (abandoned ones included until a release skips them). */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Permits free right now. */
    synchronized int available() {
        return permits;
    }
}
