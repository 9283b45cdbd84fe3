package paradigms.common.pipeline;

import paradigms.common.Check;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking queue of at most {@code capacity} items, first in first out: {@link #put}
 * waits while it is full, {@link #take} while it is empty. The buffer of the two chapters whose
 * threads block — threading (platform threads) and greenlets (virtual threads): the same code
 * parks either kind.
 *
 * <p><b>Why not {@code ArrayBlockingQueue}:</b> this is its algorithm (one lock, two conditions),
 * written out for one reason — the level. A buffer must report each insertion and removal to its
 * {@link BufferLevel} in the same step as it makes it, and a JDK queue's step ends inside its
 * {@code put} and {@code take}, under a lock nobody else can hold: counted after {@code take()}
 * returns, a place is already free, a producer may already have filled it, and the count reads
 * B + 1. Here the report is made under the buffer's own lock.
 *
 * <p><b>Threads:</b> any number of producers and consumers. {@link #lock} guards the items; a
 * thread waits on {@link #notFull} or {@link #notEmpty} with the lock released, and both waits
 * end early, with {@link InterruptedException}, when the thread is interrupted — how a pipeline
 * that stops early frees a producer blocked on a full buffer.
 *
 * @param <T> the items
 */
public final class BlockingBuffer<T> {

    private final int capacity;
    private final BufferLevel level;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an item leaves: one producer waiting for room may go on. */
    private final Condition notFull = lock.newCondition();
    /** Signalled when an item arrives: one consumer waiting for an item may go on. */
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>(); // guarded by lock

    /**
     * @param capacity B, the most items it holds
     * @param level    told of every insertion and removal, under the buffer's lock
     */
    public BlockingBuffer(int capacity, BufferLevel level) {
        this.capacity = Check.positive("capacity", capacity);
        this.level = Check.notNull("level", level);
    }

    /** Adds {@code item} at the tail, first waiting as long as the buffer is full. */
    public void put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                notFull.await(); // releases the lock while it waits: a consumer can take meanwhile
            }
            items.addLast(item);
            level.inserted(); // the same step: no one can take the item before it is counted
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the item at the head, first waiting as long as the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            T item = items.removeFirst();
            level.removed(); // the same step: no one can fill the freed place before it is counted
            notFull.signal(); // one place freed: one producer may go on
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Items in the buffer now (a snapshot: others may change it the moment the lock is released). */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
