package paradigms.asyncawait.futures;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded FIFO queue that never blocks a thread: {@link #put} returns a future that completes
 * once the item is in, {@link #take} a future of the oldest item. A full queue makes a putter a
 * pending future, an empty one a taker — asyncio's {@code await queue.put(x)} and
 * {@code await queue.get()}, the {@link AsyncSemaphore}'s idea applied to items.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>At most {@code capacity} items at any moment; the {@link Watcher} hears of each insertion
 *       and removal under the queue's lock, in the step that makes it.</li>
 *   <li>First in, first out, for items and waiters: a waiting put enters <em>inside</em> the take
 *       that frees its place (the queue is never seen with a free place and a putter waiting), a
 *       put into an empty queue hands its item to the oldest waiting taker, and a newcomer never
 *       overtakes a waiter.</li>
 *   <li>Nothing lost on cancel: a waiter's future may be cancelled (or timed out, or completed by
 *       its owner) only while it still waits — then its item never enters, or no item is taken
 *       for it. Once the queue has decided for it (the item is in; an item is on its way), the
 *       cancel returns false and the future completes with the queue's decision.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Any thread may put and take. The queue's state is guarded by {@code this};
 * the futures are completed <em>outside</em> the lock, because completing a future runs its
 * continuations right there, on the completing thread ({@code ContinuationThreadsTest}): a
 * taker's next step runs on the thread whose put brought its item, a putter's on the thread
 * whose take made its room — never under our lock. The queue decides who gets what in FIFO order
 * under the lock; when two threads then complete two waiters, their continuations may run in
 * either order.
 *
 * <p><b>A waiter, as a state machine</b> (its future):
 * <pre>
 *   WAITING --the queue decides for it (under the lock)--------> DECIDED --completed outside the lock--> DONE
 *   WAITING --its owner cancels it / it times out (orTimeout)--> ABANDONED: removed from the line
 *   DECIDED --its owner cancels it----------------------------> (refused: cancel returns false)
 * </pre>
 *
 * @param <E> the items
 */
public final class AsyncQueue<E> {

    /** Hears every change of the queue's contents, under its lock, in the step that makes it. */
    public interface Watcher<E> {

        /** {@code item} has entered the queue, which now holds {@code size} items. */
        void entered(E item, int size);

        /** {@code item} has left the queue to a taker; the queue now holds {@code size} items. */
        void left(E item, int size);
    }

    private final int capacity;
    private final Watcher<? super E> watcher;
    // Guarded by this. Invariant, outside the lock: putters wait only while the queue is full,
    // takers only while it is empty.
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final ArrayDeque<Waiter<Void>> putters = new ArrayDeque<>();
    private final ArrayDeque<Waiter<E>> takers = new ArrayDeque<>();

    public AsyncQueue(int capacity) {
        this(capacity, null);
    }

    /** A queue whose every change is told to {@code watcher} (may be null), under its lock. */
    public AsyncQueue(int capacity, Watcher<? super E> watcher) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.watcher = watcher;
    }

    /**
     * Puts {@code item} at the tail. The future is already complete when there was room and nobody
     * waited before it; otherwise it completes — on the thread of the {@link #take} that made room
     * — once the item is in.
     */
    public CompletableFuture<Void> put(E item) {
        Objects.requireNonNull(item, "item");
        Waiter<E> taker;
        E handed;
        synchronized (this) {
            if (items.size() >= capacity || !putters.isEmpty()) {
                var waiter = new Waiter<Void>(item);
                putters.add(waiter);
                return waiter;
            }
            enter(item);
            taker = takers.poll(); // non-null only if the queue was empty: the item goes straight on
            handed = null;
            if (taker != null) {
                taker.settled = true; // decided: its owner can no longer abandon it
                handed = leave();
            }
        }
        if (taker != null) {
            taker.decided(handed); // the taker's continuation runs here, on this thread
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Takes the item at the head. The future is already complete when the queue had one;
     * otherwise it completes — on the thread of the {@link #put} that brings it — with the item.
     */
    public CompletableFuture<E> take() {
        E item;
        Waiter<Void> putter;
        synchronized (this) {
            if (items.isEmpty()) {
                var waiter = new Waiter<E>(null);
                takers.add(waiter);
                return waiter;
            }
            item = leave();
            putter = putters.poll(); // the freed place goes to the oldest waiting putter, now
            if (putter != null) {
                putter.settled = true; // decided: its owner can no longer abandon it
                enter(putter.item);
            }
        }
        if (putter != null) {
            putter.decided(null); // the putter's continuation runs here, on this thread
        }
        return CompletableFuture.completedFuture(item);
    }

    /** Items in the queue now; never more than its capacity. */
    public synchronized int size() {
        return items.size();
    }

    /** Puts waiting for room. */
    public synchronized int waitingPutters() {
        return putters.size();
    }

    /** Takes waiting for an item. */
    public synchronized int waitingTakers() {
        return takers.size();
    }

    private void enter(E item) {
        items.add(item);
        if (watcher != null) {
            watcher.entered(item, items.size());
        }
    }

    private E leave() {
        E item = items.poll();
        if (watcher != null) {
            watcher.left(item, items.size());
        }
        return item;
    }

    /**
     * A waiting put or take: the future its owner holds. Its owner may give up on it only while it
     * waits; the queue completes it through {@link #decided}, after deciding under the lock.
     */
    private final class Waiter<T> extends CompletableFuture<T> {
        private final E item;   // a putter's item; null for a taker
        private boolean settled; // guarded by the queue: decided by the queue, or abandoned by its owner

        Waiter(E item) {
            this.item = item;
        }

        /** The queue's decision, made under its lock; completed here, outside it. */
        void decided(T value) {
            super.complete(value);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return abandon() && super.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) { // also how orTimeout ends a wait
            return abandon() && super.completeExceptionally(failure);
        }

        @Override
        public boolean complete(T value) {
            return abandon() && super.complete(value);
        }

        /** Out of the line, if still in it: true if the owner got there before the queue decided. */
        private boolean abandon() {
            synchronized (AsyncQueue.this) {
                if (settled) {
                    return false;
                }
                settled = true;
                return item != null ? putters.remove(this) : takers.remove(this);
            }
        }
    }
}
