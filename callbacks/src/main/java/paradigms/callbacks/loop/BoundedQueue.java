package paradigms.callbacks.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A bounded first-in-first-out queue for callbacks: "at most B items between two stages"
 * without blocking anybody.
 *
 * <p>A blocking queue parks the thread that puts into a full queue (or takes from an empty
 * one); on an event loop that would park the whole loop, and the stage that should make room
 * would never run. Here, a put into a full queue leaves its item and a callback behind, and a
 * take from an empty queue leaves a callback behind: each runs when its turn has come.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>At most {@code capacity} items</b> are in the queue at any moment. The count is the
 *       queue's own ({@link #size()}), changed in the same step as the items, and the optional
 *       {@link Watcher} hears of each change in that step too.</li>
 *   <li><b>First in, first out</b>, for items and for waiters alike: items leave in the order
 *       they entered; waiting putters enter in the order they asked, waiting takers are served
 *       in the order they asked, and a newcomer never overtakes a waiter.</li>
 *   <li><b>A waiting put resumes exactly when a take frees a place</b>: inside that
 *       {@link #take}, the oldest waiting putter's item moves into the freed place — the queue
 *       is never seen with a free place and a putter still waiting — and its callback is
 *       scheduled. Likewise a put into an empty queue with a taker waiting hands its item
 *       straight to that taker.</li>
 *   <li><b>Callbacks never run inside a call to the queue</b>: each is handed to
 *       {@code loop.callSoon}, in the order the queue resumed them, so that the code after
 *       {@code put} or {@code take} always runs first (calling back "sometimes now, sometimes
 *       later" is a classic source of callback bugs). A decision the queue has made is final:
 *       the item is already in (for a putter) or already out and on its way (for a taker).</li>
 *   <li><b>Nothing lost on cancel</b>: {@link #cancelWaiting()} forgets every waiting putter and
 *       taker and hands the waiting putters' items back to the caller, in order; items already
 *       in the queue stay there.</li>
 * </ul>
 *
 * <p>Loop thread only, like everything the loop owns: no lock needed.
 *
 * @param <E> the items
 */
public final class BoundedQueue<E> {

    /** Hears every change of the queue's contents, in the step that makes it. Loop thread. */
    public interface Watcher<E> {

        /** {@code item} has entered the queue, which now holds {@code size} items. */
        void entered(E item, int size);

        /** {@code item} has left the queue to a taker; the queue now holds {@code size} items. */
        void left(E item, int size);
    }

    private record WaitingPut<E>(E item, Runnable whenPut) {
    }

    private final EventLoop loop;
    private final int capacity;
    private final Watcher<? super E> watcher;
    // Loop thread only. Invariant, between calls: putters wait only while the queue is full,
    // takers only while it is empty — so the two are never both non-empty.
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final ArrayDeque<WaitingPut<E>> putters = new ArrayDeque<>();
    private final ArrayDeque<Consumer<? super E>> takers = new ArrayDeque<>();

    public BoundedQueue(EventLoop loop, int capacity) {
        this(loop, capacity, null);
    }

    /** A queue whose every change is told to {@code watcher} (may be null) in the step that makes it. */
    public BoundedQueue(EventLoop loop, int capacity, Watcher<? super E> watcher) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.loop = Objects.requireNonNull(loop, "loop");
        this.capacity = capacity;
        this.watcher = watcher;
    }

    /**
     * Puts {@code item} at the tail, then runs {@code whenPut} on a later tick: at once when
     * there is room and nobody waits before it, otherwise once a {@link #take} has made room
     * for it (the item enters inside that take).
     */
    public void put(E item, Runnable whenPut) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(whenPut, "whenPut");
        if (items.size() < capacity && putters.isEmpty()) {
            enter(item);
            loop.callSoon(whenPut);
            handToWaitingTaker();
        } else {
            putters.add(new WaitingPut<>(item, whenPut)); // full: wait for a take to make room
        }
    }

    /**
     * Takes the item at the head and hands it to {@code whenTaken} on a later tick: at once
     * when the queue has one, otherwise once a {@link #put} has brought one (it is taken
     * inside that put).
     */
    public void take(Consumer<? super E> whenTaken) {
        Objects.requireNonNull(whenTaken, "whenTaken");
        if (!items.isEmpty() && takers.isEmpty()) {
            E item = leave();
            loop.callSoon(() -> whenTaken.accept(item));
            admitWaitingPutter();
        } else {
            takers.add(whenTaken); // empty: wait for a put to bring an item
        }
    }

    /**
     * Forgets every waiting putter and taker: their callbacks will never run. For cancelling —
     * but a callback the queue has already resumed sits in the loop's ready queue, out of reach
     * of this method, and runs: its item is already in (or out) for good.
     *
     * @return the items of the forgotten putters, oldest first: they never entered, and are
     *         the caller's again
     */
    public List<E> cancelWaiting() {
        List<E> handedBack = new ArrayList<>(putters.size());
        putters.forEach(waiting -> handedBack.add(waiting.item()));
        putters.clear();
        takers.clear();
        return handedBack;
    }

    /** Items in the queue now; never more than {@link #capacity()}. */
    public int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Puts waiting for room. */
    public int waitingPutters() {
        return putters.size();
    }

    /** Takes waiting for an item. */
    public int waitingTakers() {
        return takers.size();
    }

    /** A take has freed a place: the oldest waiting putter's item moves in now, in this same step. */
    private void admitWaitingPutter() {
        WaitingPut<E> next = putters.poll();
        if (next != null) {
            enter(next.item());
            loop.callSoon(next.whenPut());
        }
    }

    /** A put has brought an item: the oldest waiting taker takes it now, in this same step. */
    private void handToWaitingTaker() {
        Consumer<? super E> next = takers.poll();
        if (next != null) {
            E item = leave();
            loop.callSoon(() -> next.accept(item));
        }
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
}
