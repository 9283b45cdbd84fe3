package paradigms.generators.coroutine;

import java.util.ArrayDeque;

/**
 * A bounded FIFO queue for coroutines (asyncio's {@code Queue}): {@link #put} suspends while
 * it is full, {@link #get} while it is empty.
 *
 * <p>How waiting works: a waiter parks on a future that is only a wake-up call — the item
 * itself stays in the queue. A woken getter looks again, and if a quicker one took the item,
 * waits again. Handing the item to the waiter directly would lose it if that waiter were
 * cancelled before it ran; a wake-up call is simply passed on.
 *
 * <p><b>Threads:</b> the loop thread only.
 */
public final class Queue<E> {

    private final Scheduler scheduler;
    private final String name;
    private final String wakeUpLabel;
    private final int capacity;
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();

    public Queue(Scheduler scheduler, String name, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.scheduler = scheduler;
        this.name = name;
        this.wakeUpLabel = "wake-up from " + name;
        this.capacity = capacity;
    }

    /** A coroutine that returns once {@code item} is in the queue. */
    public Coroutine<Void> put(E item) {
        return new Put(item);
    }

    /** A coroutine that returns the oldest item, once there is one. */
    public Coroutine<E> get() {
        return new Get();
    }

    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void wakeOne(ArrayDeque<Future<Void>> waiters) {
        Future<Void> next;
        while ((next = waiters.poll()) != null) {
            if (next.complete(null)) {
                return;
            }
        }
    }

    /** What Put and Get share: try; if it cannot be done now, wait on a wake-up call and try again. */
    private abstract class Waiting<T> extends Coroutine<T> {

        private ArrayDeque<Future<Void>> waitingIn; // null while not waiting
        private Future<Void> wakeUp;

        /** Does it now if it can; otherwise returns {@link #waitIn}. */
        abstract Step<T> tryNow();

        @Override
        protected final Step<T> resume(Object sent) {
            waitingIn = null; // first time, or woken: our wake-up call has left the waiters
            return tryNow();
        }

        Step<T> waitIn(ArrayDeque<Future<Void>> waiters) {
            wakeUp = scheduler.newFuture(wakeUpLabel);
            waiters.add(wakeUp);
            waitingIn = waiters;
            return resultOf(wakeUp);
        }

        @Override
        protected Step<T> resumeThrowing(Exception thrown) throws Exception {
            if (waitingIn != null && !waitingIn.remove(wakeUp)) {
                wakeOne(waitingIn); // the wake-up was already ours: give it to the next one
            }
            throw thrown;
        }

        @Override
        public String state() {
            return waitingIn == null ? "TRYING" : "WAITING";
        }
    }

    private final class Put extends Waiting<Void> {
        private final E item;

        Put(E item) {
            this.item = item;
        }

        @Override
        Step<Void> tryNow() {
            if (items.size() >= capacity) {
                return waitIn(putters); // full: try again when a get made room
            }
            items.add(item);
            wakeOne(getters);
            return returning(null);
        }

        @Override
        public String name() {
            return "put into " + name;
        }
    }

    private final class Get extends Waiting<E> {
        @Override
        Step<E> tryNow() {
            if (items.isEmpty()) {
                return waitIn(getters); // empty: try again when a put brought something
            }
            E item = items.poll();
            wakeOne(putters);
            return returning(item);
        }

        @Override
        public String name() {
            return "get from " + name;
        }
    }
}
