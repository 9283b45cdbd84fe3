package paradigms.generators.coroutine;

import java.util.ArrayDeque;

/**
 * A bounded FIFO queue for coroutines (asyncio's {@code Queue}): {@link #put} suspends while
 * it is full, {@link #get} while it is empty.
 *
 * <p>How waiting works: a waiter parks on a future that is only a wake-up call — the item
 * itself stays in the queue. Handing the item to the waiter directly would lose it if that
 * waiter were cancelled before it ran; a wake-up call is simply passed on.
 *
 * <p>What a wake-up call carries: a <em>reservation</em>. A get that frees a place while a
 * putter waits reserves that place for the oldest putter, in that same step, and wakes it; a
 * put that brings an item while a getter waits reserves the item for the oldest getter. A
 * newcomer waits in line behind every waiter, woken or not. So waiters are served in the
 * order they came, each exactly once: a woken waiter never finds its place (or item) taken by
 * a quicker one and never goes back to the end of the line — asyncio's queue, which only
 * wakes, lets a newcomer slip in first. A waiter cancelled after its wake-up passes its
 * reservation to the next waiter: nothing is lost.
 *
 * <p>The count: {@link #size()} is the items in the queue, changed only in the step that adds
 * or removes one, and a {@link Watcher} hears of every change in that same step — so that
 * whoever keeps a record of the queue's level never sees a place freed by a get counted
 * before the get itself.
 *
 * <p><b>Threads:</b> the loop thread only.
 */
public final class Queue<E> {

    /** Hears every change of the queue's contents, in the step that makes it. Loop thread. */
    public interface Watcher<E> {

        /** {@code item} has entered the queue, which now holds {@code size} items. */
        void entered(E item, int size);

        /** {@code item} has left the queue to a getter; the queue now holds {@code size} items. */
        void left(E item, int size);
    }

    private final Scheduler scheduler;
    private final String name;
    private final String wakeUpLabel;
    private final int capacity;
    private final Watcher<? super E> watcher;
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> getters = new ArrayDeque<>();
    private final ArrayDeque<Future<Void>> putters = new ArrayDeque<>();
    private int placesReserved; // free places promised to woken putters that have not run yet
    private int itemsReserved;  // items promised to woken getters that have not run yet

    public Queue(Scheduler scheduler, String name, int capacity) {
        this(scheduler, name, capacity, null);
    }

    /** A queue whose every change is told to {@code watcher} (may be null) in the step that makes it. */
    public Queue(Scheduler scheduler, String name, int capacity, Watcher<? super E> watcher) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.scheduler = scheduler;
        this.name = name;
        this.wakeUpLabel = "wake-up from " + name;
        this.capacity = capacity;
        this.watcher = watcher;
    }

    /** A coroutine that returns once {@code item} is in the queue. */
    public Coroutine<Void> put(E item) {
        return new Put(item);
    }

    /** A coroutine that returns the oldest item, once there is one. */
    public Coroutine<E> get() {
        return new Get();
    }

    /** Items in the queue now; never more than its capacity. */
    public int size() {
        return items.size();
    }

    /** Puts waiting for a place (woken ones not counted). */
    public int waitingPutters() {
        return putters.size();
    }

    /** Gets waiting for an item (woken ones not counted). */
    public int waitingGetters() {
        return getters.size();
    }

    @Override
    public String toString() {
        return name;
    }

    /** After a get: if a place is free and not promised, promise it to the oldest putter and wake it. */
    private void offerPlaceToAPutter() {
        if (!putters.isEmpty() && items.size() + placesReserved < capacity) {
            placesReserved++;
            putters.poll().complete(null);
        }
    }

    /** After a put: if an item is there and not promised, promise it to the oldest getter and wake it. */
    private void offerItemToAGetter() {
        if (!getters.isEmpty() && items.size() > itemsReserved) {
            itemsReserved++;
            getters.poll().complete(null);
        }
    }

    /**
     * What Put and Get share: try; if it cannot be done now, wait in line on a wake-up call;
     * woken, do it — the wake-up came with a reservation.
     */
    private abstract class Waiting<T> extends Coroutine<T> {

        private enum State { TRYING, WAITING, DONE }

        private State state = State.TRYING;
        private ArrayDeque<Future<Void>> waitingIn;
        private Future<Void> wakeUp;

        /** Does it now if it can, as a newcomer; otherwise returns {@link #waitIn}. */
        abstract Step<T> tryNow();

        /** Does it with the reservation the wake-up brought. */
        abstract Step<T> withReservation();

        /** Woken and cancelled before it ran: hands its reservation to the next waiter. */
        abstract void passReservationOn();

        @Override
        protected final Step<T> resume(Object sent) {
            if (state == State.WAITING) {
                state = State.DONE;
                return withReservation();
            }
            return tryNow();
        }

        Step<T> waitIn(ArrayDeque<Future<Void>> waiters) {
            wakeUp = scheduler.newFuture(wakeUpLabel);
            waiters.add(wakeUp);
            waitingIn = waiters;
            state = State.WAITING;
            return resultOf(wakeUp);
        }

        Step<T> done(T value) {
            state = State.DONE;
            return returning(value);
        }

        @Override
        protected Step<T> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.WAITING) {
                state = State.DONE;
                if (!waitingIn.remove(wakeUp)) {
                    passReservationOn(); // the wake-up, and what it reserved, was already ours
                }
            }
            throw thrown;
        }

        @Override
        public String state() {
            return state.name();
        }
    }

    private final class Put extends Waiting<Void> {
        private final E item;

        Put(E item) {
            this.item = item;
        }

        @Override
        Step<Void> tryNow() {
            if (!putters.isEmpty() || placesReserved > 0 || items.size() >= capacity) {
                return waitIn(putters); // full, or others waiting or woken go first: in line
            }
            return enter();
        }

        @Override
        Step<Void> withReservation() {
            placesReserved--;
            return enter();
        }

        private Step<Void> enter() {
            items.add(item);
            if (watcher != null) {
                watcher.entered(item, items.size());
            }
            offerItemToAGetter();
            offerPlaceToAPutter(); // a place may be left for the next putter in line
            return done(null);
        }

        @Override
        void passReservationOn() {
            placesReserved--;
            offerPlaceToAPutter();
        }

        @Override
        public String name() {
            return "put into " + name;
        }
    }

    private final class Get extends Waiting<E> {
        @Override
        Step<E> tryNow() {
            if (!getters.isEmpty() || itemsReserved > 0 || items.isEmpty()) {
                return waitIn(getters); // empty, or others waiting or woken go first: in line
            }
            return leave();
        }

        @Override
        Step<E> withReservation() {
            itemsReserved--;
            return leave();
        }

        private Step<E> leave() {
            E item = items.poll();
            if (watcher != null) {
                watcher.left(item, items.size());
            }
            offerPlaceToAPutter();
            offerItemToAGetter(); // an item may be left for the next getter in line
            return done(item);
        }

        @Override
        void passReservationOn() {
            itemsReserved--;
            offerItemToAGetter();
        }

        @Override
        public String name() {
            return "get from " + name;
        }
    }
}
