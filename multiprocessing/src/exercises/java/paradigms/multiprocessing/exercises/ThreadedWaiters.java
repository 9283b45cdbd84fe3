package paradigms.multiprocessing.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.multiprocessing.pool.WorkerMain;

/**
 * Exercise {@code threads-in-a-worker} (multiprocessing/README.md, "Exercises for you", 4):
 * {@code waiters} with many waits per worker process. Split the N tasks evenly over
 * {@code workers} workers, one job per worker, {@code task ID wait-many COUNT NANOS}; the
 * worker's half ({@link #main}) runs its COUNT waits at once, one virtual thread each, checks
 * every sleep with its own clock, and replies with the shortest. The parent's half counts each
 * wait in a {@code WaitTally}: begun when its job is handed over ({@code sent}), ended when the
 * job's reply is in ({@code decode}).
 */
public final class ThreadedWaiters implements WaitersExercise {

    /** The task kind on the wire. */
    public static final String KIND = "wait-many";

    private static final String WHERE = " — see multiprocessing/README.md, Exercises for you, 4";

    private final int workers;

    /** Two workers. */
    public ThreadedWaiters() {
        this(2);
    }

    public ThreadedWaiters(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    @Override
    public Capacity capacity() {
        return new Capacity(10_000, "virtual threads inside the worker processes, whose heaps are kept small (-Xmx64m)");
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise threads-in-a-worker is not done yet: implement ThreadedWaiters.await — "
                + workers + " workers of ThreadedWaiters.main, one \"" + KIND + " COUNT NANOS\" job each" + WHERE);
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve((kind, arguments, resources) -> {
            throw new NotDoneYet("exercise threads-in-a-worker is not done yet: make ThreadedWaiters.main's handler "
                    + "sleep COUNT times at once, one virtual thread each" + WHERE);
        }));
    }
}
