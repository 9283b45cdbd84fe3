package paradigms.multiprocessing;

import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code waiters} on worker processes: one child JVM per waiting task, asleep in
 * {@code Thread.sleep} — the kernel takes the whole process off the CPU until its timer fires.
 * A pool of N workers, each handed one "wait" task, so all N wait at once.
 *
 * <p><b>How far N goes: {@value #MAX_TASKS}.</b> Every waiting task is a whole JVM. Measured
 * here when the capacity was chosen (2 cores, shared; estimates, not the results file): each
 * worker holds about 39 MiB and burns 50–80 ms of CPU to start, and the starts share two cores —
 * a pool of 32 was ready in 0.9 s on a quiet machine and 1.8–2.1 s on a busy one, holding
 * 1.2 GiB; 128 took 7 s and 4.9 GiB. Nothing hard stops at 32: memory would run out near 600
 * workers on this 24 GiB machine, the pid limit at about 32,000. The line is drawn where the
 * pool's start-up reaches about a second on the quiet machine — the most start-up this chapter
 * accepts for one call — and it is the comparison table's "processes: tens". (It also keeps the contract's
 * two runs to seconds on a machine shared with other builds.) More waiting tasks per process
 * would be threads inside the workers — the threading chapter's scalability, not this one's
 * (the chapter's exercise threads-in-a-worker).
 *
 * <p><b>Counting.</b> A task starts waiting when its task frame is handed to a worker
 * ({@link WaitJob#sent}: {@link WaitTally#begin}) and stops when the reply is in
 * ({@link WaitJob#decode}: {@link WaitTally#end}) — the wait as the parent sees it, pipes
 * included. The worker checks its own side: it times its sleep with its own clock, and a worker
 * that woke early fails the task instead of pretending, so the call fails naming the worker.
 *
 * <p>On the wire: {@code task ID wait NANOS} → {@code done ID … SLEPT_NANOS}.
 */
final class Waiters implements WaitersExercise {

    static final String KIND = "wait";

    /** The most tasks one call accepts: one worker process each. See the class comment for why this number. */
    static final int MAX_TASKS = Download.MAX_WAITING_WORKERS; // one budget for all waiting work

    /**
     * The reason is an estimate, and says so and where it comes from: this class cannot measure
     * the machine it runs on before it is asked, and a reader must not take it for this run's figure.
     */
    private static final Capacity CAPACITY = new Capacity(MAX_TASKS,
            "one child JVM per waiting task; processes scale to tens (estimates from earlier "
                    + "measurements on 2 cores: about 40 MiB and 50-80 ms of CPU per worker, about a second to start 32)");

    @Override
    public Capacity capacity() {
        return CAPACITY;
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        CAPACITY.check(request); // before a single process is started
        var tally = new WaitTally(request);
        try (var pool = Workers.pool().size(request.tasks()).forWaiting().start()) {
            List<WaitJob> jobs = new ArrayList<>(request.tasks());
            for (int task = 0; task < request.tasks(); task++) {
                jobs.add(new WaitJob(task, request.waitFor(), tally));
            }
            pool.map(jobs, trace); // one job per worker: all are handed over at once
        }
        return tally.result();
    }

    /**
     * The parent's half: one task's wait. Not a record: it remembers when it was handed over.
     * {@link #sent} and {@link #decode} run on the pool's thread for the worker that runs it,
     * so {@link #began} needs no lock.
     */
    static final class WaitJob implements Job<Void> {
        private final int task;
        private final Duration wait;
        private final WaitTally tally;
        private long began;
        private boolean handedOver;

        WaitJob(int task, Duration wait, WaitTally tally) {
            this.task = task;
            this.wait = wait;
            this.tally = tally;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(wait.toNanos()));
        }

        /** Handed to a worker: the task waits from now. (On a retry it has been waiting since the first hand-over.) */
        @Override
        public void sent() {
            if (!handedOver) {
                handedOver = true;
                began = tally.begin();
            }
        }

        /** The reply is in: the wait is over. */
        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            long slept = Values.of(values).expectSize(1, "a wait reply").number(0, "slept");
            if (slept < wait.toNanos()) {
                throw new Wire.BadFrameException("the worker says it slept " + slept + " ns of a " + wait.toNanos() + " ns wait");
            }
            tally.end(began);
            return null;
        }

        @Override
        public String label() {
            return SpanNames.waiting(task);
        }
    }

    /** The worker's half: sleep, and check with this process's own clock that the sleep was whole. */
    static List<String> work(List<String> arguments) throws Exception {
        long nanos = Values.of(arguments).expectSize(1, "a wait task").number(0, "nanos");
        if (nanos <= 0) {
            throw new Wire.BadFrameException("nanos must be positive: " + nanos);
        }
        long start = System.nanoTime();
        Thread.sleep(Duration.ofNanos(nanos)); // the wait is the task: the kernel wakes this process when it is over
        long slept = System.nanoTime() - start;
        if (slept < nanos) {
            throw new IllegalStateException("woke after " + slept + " ns, before its wait of " + nanos + " ns was over");
        }
        return List.of(String.valueOf(slept));
    }
}
