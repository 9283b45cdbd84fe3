package paradigms.multiprocessing.pool;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded buffer in the parent whose places are handed out <em>ahead</em>, as credits, to
 * producers that live in other processes.
 *
 * <p>Why credits: a producer in a worker process cannot wait on a lock in the parent, and a pipe
 * bounds bytes, not items — 64 KiB of pipe would let a worker run pages ahead of a slow consumer
 * by the dozen. So a worker asks for a credit before it sends an item (over the pipe, with a
 * {@code call}: see {@link Frame}), and the parent answers only once a place is reserved for that
 * item: {@link #grant()}. When the item arrives, it fills its reserved place ({@link #fill});
 * a credit never used (the worker died on the way) is given back ({@link #giveBack}). HTTP/2's
 * flow-control windows and AMQP's prefetch are the same idea.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Bounded:</b> items held plus credits out never exceed the capacity; so the items
 *       alone never do. The {@link Watcher} hears of each insertion and removal under the
 *       buffer's lock, in the step that makes it.</li>
 *   <li><b>First in, first out</b>, for items and for credits: a {@link #take} that frees a place
 *       grants it, in that same step, to the oldest waiting {@link #grant} — never to a newcomer,
 *       which waits behind every waiting grant.</li>
 *   <li><b>Nothing lost:</b> a grant interrupted while it waits leaves the line; one interrupted
 *       just after its credit came passes the credit on. {@link #close} wakes every waiter with a
 *       {@link Closed}; the items already in can still be taken.</li>
 * </ul>
 *
 * <p><b>Threads:</b> any. The pool's thread for each worker grants credits and fills places (a
 * grant blocks that thread, while its worker sits reading its stdin for the answer); the consumer
 * takes on its own thread. Everything is guarded by {@link #lock}.
 *
 * @param <E> the items
 */
public final class CreditBuffer<E> {

    /** Hears every change of the buffer's contents, under its lock, in the step that makes it. */
    public interface Watcher<E> {

        /** {@code item} has entered the buffer, which now holds {@code size} items. */
        void entered(E item, int size);

        /** {@code item} has left the buffer to the consumer; the buffer now holds {@code size} items. */
        void left(E item, int size);
    }

    /** The buffer was closed: no more credits, and no more items once the ones inside are taken. */
    public static final class Closed extends IllegalStateException {
        Closed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One waiting grant: a place of its own once {@link #granted}. */
    private static final class Ticket {
        boolean granted; // guarded by lock
    }

    private final int capacity;
    private final Watcher<? super E> watcher;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when places are granted to waiting tickets (each checks its own), or on close. */
    private final Condition creditGranted = lock.newCondition();
    /** Signalled when an item arrives, or on close. */
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<E> items = new ArrayDeque<>();            // guarded by lock
    private final ArrayDeque<Ticket> waitingGrants = new ArrayDeque<>(); // guarded by lock
    private int creditsOut;                                             // guarded by lock: places reserved, not yet filled
    private boolean closed;                                             // guarded by lock
    private Throwable closedBecause;                                    // guarded by lock

    public CreditBuffer(int capacity, Watcher<? super E> watcher) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.watcher = watcher;
    }

    /**
     * Reserves a place for one item that is on its way: returns at once when a place is free and
     * no earlier grant waits, otherwise once a {@link #take} has freed a place for it.
     *
     * @throws InterruptedException if interrupted while waiting: no credit is held then
     * @throws Closed               if the buffer is closed, or closes meanwhile
     */
    public void grant() throws InterruptedException {
        lock.lock();
        try {
            throwIfClosed();
            if (waitingGrants.isEmpty() && items.size() + creditsOut < capacity) {
                creditsOut++;
                return;
            }
            var ticket = new Ticket();
            waitingGrants.add(ticket);
            try {
                while (!ticket.granted) {
                    throwIfClosed();
                    creditGranted.await();
                }
            } catch (InterruptedException | Closed stopped) {
                if (ticket.granted) {
                    giveBackLocked(); // it came just as we stopped: pass it on, never lose it
                } else {
                    waitingGrants.remove(ticket);
                }
                throw stopped;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The item a credit was granted for has arrived: it takes its reserved place. Never waits.
     *
     * @throws IllegalStateException if no credit is out
     */
    public void fill(E item) {
        lock.lock();
        try {
            if (creditsOut == 0) {
                throw new IllegalStateException("an item arrived with no credit out for it");
            }
            creditsOut--;
            items.add(item);
            if (watcher != null) {
                watcher.entered(item, items.size());
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** A credit that will never be used: its place goes to the oldest waiting grant, or back to the free ones. */
    public void giveBack() {
        lock.lock();
        try {
            giveBackLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest item, waiting while there is none. The place it frees is granted to the
     * oldest waiting grant in this same step.
     *
     * @throws InterruptedException if interrupted while waiting
     * @throws Closed               if the buffer is closed and empty
     */
    public E take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                throwIfClosed();
                notEmpty.await();
            }
            E item = items.poll();
            if (watcher != null) {
                watcher.left(item, items.size());
            }
            grantFreePlaces();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /**
     * No more credits: every waiting grant and an empty take throw {@link Closed}, with
     * {@code cause} (may be null) — how a pipeline that fails frees the pool's threads that wait
     * for credits, and a consumer that waits for an item that will never come. Idempotent: the
     * first cause stays.
     */
    public void close(Throwable cause) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closedBecause = cause;
            }
            creditGranted.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Items in the buffer now. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** Places reserved by credits and not yet filled. */
    public int creditsOut() {
        lock.lock();
        try {
            return creditsOut;
        } finally {
            lock.unlock();
        }
    }

    /** Grants waiting for a place. */
    public int waitingForCredit() {
        lock.lock();
        try {
            return waitingGrants.size();
        } finally {
            lock.unlock();
        }
    }

    private void giveBackLocked() {
        if (creditsOut == 0) {
            throw new IllegalStateException("a credit given back, but none is out");
        }
        creditsOut--;
        grantFreePlaces();
    }

    /** Every free place to the oldest waiting grants, in order. */
    private void grantFreePlaces() {
        boolean any = false;
        while (!waitingGrants.isEmpty() && items.size() + creditsOut < capacity) {
            waitingGrants.poll().granted = true;
            creditsOut++;
            any = true;
        }
        if (any) {
            creditGranted.signalAll(); // each woken grant checks its own ticket
        }
    }

    private void throwIfClosed() {
        if (closed) {
            throw new Closed("the buffer is closed", closedBecause);
        }
    }
}
