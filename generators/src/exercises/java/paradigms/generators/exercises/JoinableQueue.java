package paradigms.generators.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;

/**
 * Exercise {@code joinable-queue} (generators/README.md, Exercises for you, 4): the chapter's
 * {@code Queue} with asyncio's {@code task_done()} and {@code join()} — what 500 Lines' crawler
 * uses to know that every URL has been handled.
 *
 * <p>The contract (the acceptance test {@code JoinableQueueTest} checks it):
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
 *       naming it. Loop thread only.</li>
 * </ul>
 */
public final class JoinableQueue<E> {

    public JoinableQueue(Scheduler scheduler, String name, int capacity) {
        throw notDone();
    }

    /** A coroutine that returns once {@code item} is in the queue. */
    public Coroutine<Void> put(E item) {
        throw notDone();
    }

    /** A coroutine that returns the oldest item, once there is one. */
    public Coroutine<E> get() {
        throw notDone();
    }

    /** One item taken with {@code get} has been handled. */
    public void taskDone() {
        throw notDone();
    }

    /** A coroutine that returns once every item put has been marked done. */
    public Coroutine<Void> join() {
        throw notDone();
    }

    /** Items put and not yet marked done. */
    public int unfinished() {
        throw notDone();
    }

    private static NotDoneYet notDone() {
        return new NotDoneYet("exercise joinable-queue is not done yet: write JoinableQueue in"
                + " generators/src/exercises/java/paradigms/generators/exercises/JoinableQueue.java"
                + " — see generators/README.md, Exercises for you, 4");
    }
}
