package paradigms.multiprocessing.exercises;

import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.WorkerMain;

/**
 * Exercise {@code one-call-counter} (multiprocessing/README.md, "Exercises for you", 2): the
 * chapter's {@code counter} with the lease replaced by one call, {@code increment}, that the
 * parent carries out in one step — the {@link SharedCounter}'s read and write with nothing in
 * between. Both halves here: the parent's ({@link #count}, a pool of this class's workers, one
 * job per task, each job answering its task's {@code increment} calls) and the worker's
 * ({@link #main}: {@code task ID increment-counter M} → M calls {@code increment} →
 * {@code done ID}).
 */
public final class OneCallCounter implements CounterExercise {

    /** The task kind on the wire. */
    public static final String KIND = "increment-counter";

    private static final String WHERE = " — see multiprocessing/README.md, Exercises for you, 2";

    private final int workers;

    /** One worker per core. */
    public OneCallCounter() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public OneCallCounter(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise one-call-counter is not done yet: implement OneCallCounter.count — one job per "
                + "task whose answer() to \"increment\" reads and writes the counter in one step" + WHERE);
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve((kind, arguments, resources) -> {
            throw new NotDoneYet("exercise one-call-counter is not done yet: make OneCallCounter.main's handler call "
                    + "the parent \"increment\" M times" + WHERE);
        }));
    }
}
