package paradigms.generators.exercises;

import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Queue;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.util.Objects;

/**
 * The chapter's {@code Queue} with asyncio's {@code task_done()} and {@code join()} — what 500
 * Lines' crawler uses to know that every URL has been handled (the reference solution of
 * exercise {@code joinable-queue}, generators/README.md, Exercises for you, 4).
 *
 * <p>The contract:
 * <ul>
 *   <li>{@link #put} and {@link #get} behave as the chapter's {@code Queue}'s (FIFO, bounded:
 *       {@code put} waits while full, {@code get} while empty). An item counts as
 *       <em>unfinished</em> from the moment it is in the queue (a {@code put} cancelled while it
 *       waited for room put nothing and counts nothing) until a {@link #taskDone} for it.</li>
 *   <li>{@link #taskDone} marks one item finished; called more often than items were put, it
 *       throws {@link IllegalStateException} naming {@code taskDone}.</li>
 *   <li>{@link #join} returns once no item is unfinished — at once if none is, without waiting
 *       a loop turn; any number of coroutines may wait in {@code join} together, and all return.
 *       A joiner that is cancelled leaves the others waiting, unharmed.</li>
 *   <li>{@link #unfinished} is the count. A capacity below 1 or a null scheduler is refused,
 *       naming it. Loop thread only: the count and the future need no lock.</li>
 * </ul>
 *
 * <p>Why counting after the inner {@code put} returns is exact: the inner coroutine returns
 * in the very step that adds the item, and the task sends its result straight down to
 * {@link Put} — no other task runs in between, so no {@code get} and {@code taskDone} can see
 * the item before it is counted. Between two {@code yield}s nothing else runs.
 */
public final class JoinableQueue<E> {

    private final Scheduler scheduler;
    private final Queue<E> items;
    private final String name;
    private int unfinished;
    /** Completed when {@code unfinished} reaches zero; shared by every joiner of that round, then replaced. */
    private Future<Void> allDone;

    public JoinableQueue(Scheduler scheduler, String name, int capacity) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.name = Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.items = new Queue<>(scheduler, name, capacity);
    }

    /** A coroutine that returns once {@code item} is in the queue. */
    public Coroutine<Void> put(E item) {
        return new Put(item);
    }

    /** A coroutine that returns the oldest item, once there is one. */
    public Coroutine<E> get() {
        return items.get();
    }

    /** One item taken with {@code get} has been handled. */
    public void taskDone() {
        if (unfinished == 0) {
            throw new IllegalStateException("taskDone() called more times than items were put into " + name);
        }
        unfinished--;
        if (unfinished == 0 && allDone != null) {
            allDone.complete(null); // wakes every joiner of this round
            allDone = null;         // the next round, if items come again, gets a fresh one
        }
    }

    /** A coroutine that returns once every item put has been marked done. */
    public Coroutine<Void> join() {
        return new Join();
    }

    /** Items put and not yet marked done. */
    public int unfinished() {
        return unfinished;
    }

    /** {@code yield from items.put(item); unfinished += 1}. */
    private final class Put extends Coroutine<Void> {
        private final E item;
        private boolean putting;

        Put(E item) {
            this.item = item;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (!putting) {
                putting = true;
                return yieldFrom(items.put(item));
            }
            unfinished++; // the item is in: see the class comment for why nothing ran in between
            return returning(null);
        }

        @Override
        public String state() {
            return putting ? "PUTTING" : "START";
        }

        @Override
        public String name() {
            return "put into " + name;
        }
    }

    /** {@code if unfinished: yield allDone}. A cancelled joiner simply stops waiting on the shared future. */
    private final class Join extends Coroutine<Void> {
        private boolean waiting;

        @Override
        protected Step<Void> resume(Object sent) {
            if (waiting || unfinished == 0) {
                return returning(null);
            }
            if (allDone == null) {
                allDone = scheduler.newFuture("all of " + name + " done");
            }
            waiting = true;
            return completionOf(allDone);
        }

        @Override
        public String state() {
            return waiting ? "JOINING" : "START";
        }

        @Override
        public String name() {
            return "join " + name;
        }
    }
}
