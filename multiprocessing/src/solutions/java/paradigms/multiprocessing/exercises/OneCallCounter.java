package paradigms.multiprocessing.exercises;

import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise {@code one-call-counter}, solved: the chapter's {@code counter} with the lease
 * replaced by one call, {@code increment}, that the parent carries out in one step — read and
 * write of the {@link SharedCounter} under one lock of the parent's, with nothing in between.
 *
 * <pre>
 *   worker                                  parent (the pool's thread for that worker)
 *   call ID increment      ───────────▶     synchronized (counter) { v = read; write v + 1 }
 *                          ◀───────────     answer ID v + 1
 * </pre>
 *
 * <p><b>Why it is exact:</b> the read–write pair is one step of one process; the parent's
 * threads (one per worker) take turns on the counter's monitor, so no read can come between
 * another task's read and write. <b>What it is not:</b> the exercise. The worker no longer reads,
 * suspends and writes — it asks for an increment — so the suspension the chapter is about is
 * gone: this is an atomic operation offered by the owner of the state (a {@code Manager}'s
 * method, SQL's {@code UPDATE … SET v = v + 1}), not a lock held across a wait.
 *
 * <p>On the wire: {@code task ID increment-counter M}; M calls {@code increment}; then
 * {@code done ID} with no values.
 */
public final class OneCallCounter implements CounterExercise {

    /** The task kind on the wire. */
    public static final String KIND = "increment-counter";

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
        List<IncrementJob> jobs = new ArrayList<>(request.tasks());
        for (int task = 0; task < request.tasks(); task++) {
            jobs.add(new IncrementJob(task, request.incrementsPerTask(), counter));
        }
        try (var pool = ProcessPool.builder()
                .size(Math.min(workers, request.tasks()))
                .command(WorkerCommand.of(OneCallCounter.class.getName()))
                .forWaiting()
                .start()) {
            pool.map(jobs, trace);
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /** The parent's half: answers one task's increments, each in one step. */
    record IncrementJob(int task, int increments, SharedCounter counter) implements Job<Void> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(increments));
        }

        /** On the pool's thread for this task's worker; the counter's monitor makes read and write one step. */
        @Override
        public List<String> answer(List<String> question) throws Wire.BadFrameException {
            String what = Values.of(question).expectSize(1, "a counter call").text(0, "what");
            if (!what.equals("increment")) {
                throw new Wire.BadFrameException("unknown counter call \"" + Wire.excerpt(what) + "\"");
            }
            long written;
            synchronized (counter) { // SharedCounter's own monitor: its read and write re-enter it
                written = counter.read(task) + 1;
                counter.write(task, written);
            }
            return List.of(String.valueOf(written));
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            Values.of(values).expectSize(0, "an increment-counter reply");
            return null;
        }

        @Override
        public String label() {
            return SpanNames.task(task);
        }
    }

    /** The worker's half: M increments, each one call; nothing to suspend between. */
    static final TaskHandler WORK = new Work();

    /**
     * A class, not a lambda: a worker is a fresh JVM, where the first lambdas are spun at run time
     * on the way to "ready" (the chapter's {@code Workers} measured it).
     */
    private static final class Work implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception {
            if (!kind.equals(KIND)) {
                throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            }
            long increments = Values.of(arguments).expectSize(1, "an increment-counter task").number(0, "increments");
            WorkerResources.Parent parent = resources.parent();
            for (long i = 0; i < increments; i++) {
                Values.of(parent.call("increment")).expectSize(1, "an increment answer").number(0, "value");
            }
            return List.of();
        }
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(WORK));
    }
}
