package paradigms.multiprocessing;

import paradigms.common.measure.ResumeLatency;
import paradigms.common.resume.Compute;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Completions;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code resume} on worker processes: a sleeper waits in a worker process, on the child's own
 * timer (as in {@link Waiters}, the kernel takes the process off the CPU until it fires), and
 * replies; a busy task computes in a computing worker of its own. The sleeper runs again when
 * the parent handles its reply.
 *
 * <p><b>The parent's reading is the ready queue.</b> A worker's reply lands in its pipe; the
 * pool's thread for that worker reads it, decodes it and passes it on ({@link SleeperJob#decode});
 * the parent's own code takes the replies one at a time, in the order they came — this call's
 * thread, as crawl and deadline take theirs — and that is where each sleeper runs again:
 * {@code tally.wake} first thing. A reply that comes while the parent is busy handling another
 * waits, read but not handled, until the parent gets to it: of replies that come together, the
 * k-th handled waits for the k − 1 handlings before it ({@code ResumeLessonTest}). Python's
 * {@code multiprocessing.Pool} has the same shape with one pipe: every worker writes to one
 * result queue, and one result-handler thread in the parent reads it and runs the callbacks.
 *
 * <p>Why not wake the sleepers on the pool's threads, where the replies are read? There is one
 * per worker (Java cannot wait on several pipes with one thread), and the operating system
 * time-slices them: handling there would be pre-empted within milliseconds and show no queue.
 * But a parent's work on its replies belongs where its state is, on one thread — the crawl's
 * frontier, the pipeline's stage 2 — and one thread handling replies is a queue.
 *
 * <p><b>Sleepers.</b> One waiting worker per sleeper, at most {@link Download#MAX_WAITING_WORKERS}
 * (processes scale to tens); further sleepers wait for a free worker before they fall asleep. A
 * sleeper falls asleep when its job is handed to a worker ({@link SleeperJob#sent}): its timer is
 * due {@code sleep} from then, and the frame carries that moment, not the length — the parent and
 * its children read one clock ({@code System.nanoTime()}, see {@code SentAt}), so the child's
 * timer fires when the parent's would have, however long the frame took to arrive or a freshly
 * started worker took to read it.
 *
 * <p><b>Busy tasks.</b> Jobs on computing workers, one per busy task up to the machine's cores —
 * more processes than cores would only take turns on them. The worker computes
 * ({@link Compute#forAbout}, what {@link ResumeTally#busy} computes; the tally's counts live in
 * the parent, so the parent counts a busy task done from its reply). They share the cores with
 * the parent, so they slow its handling as much as the OS lets them — but they hold no queue the
 * sleepers wait in: a worker is not the parent.
 *
 * <p><b>Threads:</b> the caller (submits every job, then handles the sleepers' replies and waits
 * for the busy tasks'); the pool's threads, one per worker (hand jobs over, read replies).
 *
 * <p>On the wire: {@code task ID sleep-until DUE_NANOS} → {@code done ID … WOKE_NANOS};
 * {@code task ID compute NANOS} → {@code done ID … COMPUTED_NANOS}.
 */
final class Resume implements ResumeExercise {

    static final String SLEEP_UNTIL = "sleep-until";

    static final String COMPUTE = "compute";

    @Override
    public ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException {
        var tally = new ResumeTally(request, trace);
        int sleeperWorkers = Math.min(request.sleepers(), Download.MAX_WAITING_WORKERS);
        int busyWorkers = Math.min(request.busyTasks(), Runtime.getRuntime().availableProcessors());
        // A null resource is skipped by try-with-resources: no computing pool when nothing computes.
        try (ProcessPool sleeping = Workers.pool().size(sleeperWorkers).forWaiting().start();
             ProcessPool computing = busyWorkers == 0 ? null : Workers.start(busyWorkers)) {
            takeSeats(sleeping);
            List<BusyJob> busyJobs = new ArrayList<>(request.busyTasks());
            for (int busy = 0; busy < request.busyTasks(); busy++) {
                busyJobs.add(new BusyJob(busy, request.busyFor(), trace, request.resumeLatency()));
            }
            List<SleeperJob> sleeperJobs = new ArrayList<>(request.sleepers());
            for (int sleeper = 0; sleeper < request.sleepers(); sleeper++) {
                sleeperJobs.add(new SleeperJob(sleeper, tally));
            }
            Completions<Void> computed = busyJobs.isEmpty() ? null : computing.unordered(busyJobs, trace);
            Completions<Asleep> replies = sleeping.unordered(sleeperJobs, trace);

            while (replies.hasNext()) {
                Asleep reply = replies.next().value(); // the oldest reply not yet handled: the ready queue's head
                tally.wake(reply.life(), reply.dueNanos()); // the sleeper runs again, here: first thing
            }
            int busyDone = 0;
            while (computed != null && computed.hasNext()) {
                computed.next(); // throws if the busy task failed
                busyDone++;
            }
            ResumeResult sleepers = tally.result();
            return new ResumeResult(sleepers.sleepersWoke(), sleepers.early(), busyDone);
        }
    }

    /** How long each worker's first, warming sleep lasts: enough for all of them to be asleep at once. */
    private static final Duration SEAT = Duration.ofMillis(20);

    /**
     * Before the sleepers, every waiting worker sleeps once, briefly, all at once (idle workers
     * each take one job): a fresh JVM's first task loads and links the task path's classes, and
     * tens of them doing that on two cores would land on the sleepers' resumes — a cost of
     * starting, not of resuming (the exhibition takes its seats the same way).
     */
    private static void takeSeats(ProcessPool sleeping) throws InterruptedException {
        List<Seat> seats = new ArrayList<>(sleeping.size());
        for (int seat = 0; seat < sleeping.size(); seat++) {
            seats.add(new Seat());
        }
        sleeping.map(seats, Trace.off());
    }

    /** A short sleep on the sleepers' path, measured by nobody. */
    static final class Seat implements Job<Void> {
        private long dueNanos;

        @Override
        public String kind() {
            return SLEEP_UNTIL;
        }

        @Override
        public void sent() {
            dueNanos = System.nanoTime() + SEAT.toNanos();
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(dueNanos));
        }

        @Override
        public Void decode(List<String> values) {
            return null;
        }

        @Override
        public String label() {
            return "take a seat";
        }
    }

    /** What the parent needs to wake a sleeper once its reply is in: its life and when its timer was due. */
    record Asleep(TaskLife life, long dueNanos) {
    }

    /**
     * The parent's half of a sleeper. {@link #sent} and {@link #decode} run on the pool's thread
     * for the worker that runs it; the reply reaches the caller through the pool's queue of
     * completions, which orders the hand-over, so no lock is needed.
     */
    static final class SleeperJob implements Job<Asleep> {
        private final int index;
        private final ResumeTally tally;
        private TaskLife life; // null until first handed to a worker
        private long dueNanos;

        SleeperJob(int index, ResumeTally tally) {
            this.index = index;
            this.tally = tally;
        }

        @Override
        public String kind() {
            return SLEEP_UNTIL;
        }

        /** The moment the timer is due, decided in {@link #sent}, which runs first. */
        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(dueNanos));
        }

        /** Handed to a worker: the sleeper falls asleep now. (On a retry it has been asleep since the first hand-over.) */
        @Override
        public void sent() {
            if (life == null) {
                life = tally.sleeper(index);
                dueNanos = tally.fallAsleep(life);
            }
        }

        /** The reply is read: checked here, handled by the parent when it gets to it. */
        @Override
        public Asleep decode(List<String> values) throws Wire.BadFrameException {
            long woke = Values.of(values).expectSize(1, "a sleep-until reply").number(0, "woke");
            if (woke < dueNanos) {
                throw new Wire.BadFrameException("the worker says it woke at " + woke + ", before its timer was due at " + dueNanos);
            }
            return new Asleep(life, dueNanos);
        }

        @Override
        public String label() {
            return SpanNames.sleeper(index);
        }
    }

    /**
     * The parent's half of a busy task: its life in the parent's trace runs from the hand-over
     * to the reply — the task computes in its worker meanwhile, never waiting for anything.
     * {@link #sent} and {@link #decode} run on the pool's thread for its worker.
     */
    static final class BusyJob implements Job<Void> {
        private final int index;
        private final Duration busyFor;
        private final Trace trace;
        private final ResumeLatency resumes;
        private TaskLife life;

        BusyJob(int index, Duration busyFor, Trace trace, ResumeLatency resumes) {
            this.index = index;
            this.busyFor = busyFor;
            this.trace = trace;
            this.resumes = resumes;
        }

        @Override
        public String kind() {
            return COMPUTE;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(busyFor.toNanos()));
        }

        @Override
        public void sent() {
            if (life == null) {
                life = trace.life(SpanNames.busy(index), resumes);
            }
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            long computed = Values.of(values).expectSize(1, "a compute reply").number(0, "computed");
            if (computed < busyFor.toNanos()) {
                throw new Wire.BadFrameException("the worker says it computed " + computed + " ns of " + busyFor.toNanos() + " ns");
            }
            life.ended();
            return null;
        }

        @Override
        public String label() {
            return SpanNames.busy(index);
        }
    }

    /** The worker's half of a sleeper: the child's timer, due at the parent's moment; says when it woke (the same clock). */
    static List<String> sleepUntil(List<String> arguments) throws Exception {
        long due = Values.of(arguments).expectSize(1, "a sleep-until task").number(0, "due");
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(left)); // the kernel wakes this process when it is due (however early a sleep may end)
        }
        return List.of(String.valueOf(System.nanoTime()));
    }

    /** The worker's half of a busy task: compute, never yielding, and say for how long (this process's clock). */
    static List<String> compute(List<String> arguments) throws Exception {
        long nanos = Values.of(arguments).expectSize(1, "a compute task").number(0, "nanos");
        if (nanos < 0) {
            throw new Wire.BadFrameException("nanos is negative: " + nanos);
        }
        long start = System.nanoTime();
        Compute.forAbout(Duration.ofNanos(nanos));
        return List.of(String.valueOf(System.nanoTime() - start));
    }
}
