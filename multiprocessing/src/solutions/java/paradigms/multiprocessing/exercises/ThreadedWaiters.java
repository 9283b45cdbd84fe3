package paradigms.multiprocessing.exercises;

import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise {@code threads-in-a-worker}, solved: {@code waiters} with many waits per worker
 * process. The N tasks are split evenly over a few workers, one job per worker,
 * {@code task ID wait-many COUNT NANOS}; the worker runs its COUNT waits at once, each on a
 * virtual thread of its own, and replies with the shortest sleep any of them had.
 *
 * <p><b>What the parent counts:</b> the waits of a job begin when its frame is handed over
 * ({@code sent}) and end when its one reply is in ({@code decode}) — the wait as the parent
 * sees it, the whole batch at once; the worker checks each sleep with its own clock and fails
 * the task if any was cut short.
 *
 * <p><b>Whose scalability this is:</b> a few processes, and in them thousands of waiting
 * virtual threads — the greenlets chapter's, carried over the pipes. The pool still runs one
 * task per worker at a time; it is the task that became concurrent.
 *
 * <p><b>Threads:</b> in the parent, the caller (blocked in {@code map}) and the pool's thread per
 * worker ({@code sent}, {@code decode}); in each worker, its task thread, which starts the
 * virtual threads and joins them.
 */
public final class ThreadedWaiters implements WaitersExercise {

    /** The task kind on the wire. */
    public static final String KIND = "wait-many";

    /**
     * At most this many waits per call: a parked virtual thread is about a kilobyte of a worker's
     * small heap (the waiting flags' {@code -Xmx64m}), and a few thousand per worker stay far from it.
     */
    static final Capacity CAPACITY = new Capacity(10_000,
            "virtual threads inside the worker processes, whose heaps are kept small (-Xmx64m)");

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
        return CAPACITY;
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        CAPACITY.check(request);
        var tally = new WaitTally(request);
        int jobs = Math.min(workers, request.tasks());
        List<BatchJob> batches = new ArrayList<>(jobs);
        for (int job = 0; job < jobs; job++) {
            // An even split: the first (N % jobs) batches take one wait more.
            int count = request.tasks() / jobs + (job < request.tasks() % jobs ? 1 : 0);
            batches.add(new BatchJob(job, count, request.waitFor(), tally));
        }
        try (var pool = ProcessPool.builder().size(jobs).command(WorkerCommand.of(ThreadedWaiters.class.getName()))
                .forWaiting().start()) {
            pool.map(batches, trace); // one batch per worker: all are handed over at once
        }
        return tally.result();
    }

    /** The parent's half: one worker's batch of waits. Its hooks run on the pool's thread for that worker. */
    static final class BatchJob implements Job<Void> {
        private final int batch;
        private final int count;
        private final Duration wait;
        private final WaitTally tally;
        private long[] began; // null until handed over; a retry keeps the first hand-over's times

        BatchJob(int batch, int count, Duration wait, WaitTally tally) {
            this.batch = batch;
            this.count = count;
            this.wait = wait;
            this.tally = tally;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(count), String.valueOf(wait.toNanos()));
        }

        @Override
        public void sent() {
            if (began == null) {
                began = new long[count];
                for (int i = 0; i < count; i++) {
                    began[i] = tally.begin();
                }
            }
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            long shortest = Values.of(values).expectSize(1, "a wait-many reply").number(0, "shortest sleep");
            if (shortest < wait.toNanos()) {
                throw new Wire.BadFrameException("the worker says a wait slept " + shortest + " ns of " + wait.toNanos());
            }
            for (long start : began) {
                tally.end(start);
            }
            return null;
        }

        @Override
        public String label() {
            return KIND + " " + count + " (batch " + batch + ")";
        }
    }

    /** The worker's half: COUNT sleeps at once, one virtual thread each; the shortest one's length back. */
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
            Values task = Values.of(arguments).expectSize(2, "a wait-many task");
            int count = task.integer(0, "count");
            long nanos = task.number(1, "nanos");
            if (count < 1 || nanos < 1) {
                throw new Wire.BadFrameException("count and nanos must be positive, were " + count + " and " + nanos);
            }
            long[] slept = new long[count];
            List<Thread> sleepers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                sleepers.add(Thread.ofVirtual().start(() -> {
                    long start = System.nanoTime();
                    try {
                        Thread.sleep(Duration.ofNanos(nanos));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // leaves its slot short: the check below fails the task
                    }
                    slept[index] = System.nanoTime() - start;
                }));
            }
            long shortest = Long.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                sleepers.get(i).join(); // join is the happens-before edge that makes slept[i] visible here
                shortest = Math.min(shortest, slept[i]);
            }
            if (shortest < nanos) {
                throw new IllegalStateException("a wait woke after " + shortest + " ns, before its " + nanos + " ns were over");
            }
            return List.of(String.valueOf(shortest));
        }
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(WORK));
    }
}
