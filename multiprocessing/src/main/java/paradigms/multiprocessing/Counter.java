package paradigms.multiprocessing;

import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerResources;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * {@code counter} on worker processes. Processes share no memory, so a shared counter can only
 * live in one of them — here, the parent — and the others reach it by messages. A task runs in
 * a worker, and every increment is a conversation with the parent over the pipes (Python's
 * {@code multiprocessing.Manager} works this way: the object lives in one process, the others
 * hold proxies, and every access is a message):
 * <pre>
 *   worker                                parent
 *   call  ID read         ───────────▶    answer with the counter's value V
 *   (suspends: Thread.yield)
 *   call  ID write V+1    ───────────▶    counter := V+1
 * </pre>
 *
 * <p><b>Where updates get lost.</b> The parent answers every worker's calls — it must: the
 * workers are separate processes running at the same time, each served by its own pool thread.
 * If another task's {@code read} is answered between this task's {@code read} and its
 * {@code write}, both write the same V + 1, and one increment is gone. There is no data race
 * here in the Java sense — every step on the counter is taken under the {@link SharedCounter}'s
 * monitor, so each read and each write is whole and visible — and still updates are lost: the
 * race is between messages. {@code CounterLostUpdateTest} makes it lose an exact number.
 *
 * <p><b>The fix: the parent owns the read–write pair, with a lease.</b> The task asks
 * {@code lease} instead of {@code read}. The parent answers only when no other task holds the
 * counter, and its answer carries the value; the counter is then that task's until its
 * {@code write}, which gives the lease back. Another task's {@code lease} waits in the parent
 * meanwhile — its pool thread blocks on the lease, its worker blocks reading its stdin. It is
 * SQL's {@code SELECT … FOR UPDATE}, and a Manager's lock. Exact, because no {@code read}
 * can be answered between a lease and its write: every increment sees the one before it. And
 * a task whose worker dies holding the lease gives it back anyway ({@link CounterJob#ended}),
 * or every other task would wait forever.
 *
 * <p><b>Why the lease is taken with {@code acquireUninterruptibly}.</b> Nobody interrupts the
 * pool's threads; what ends a wait for the lease is the holder's conversation ending — a
 * reply, a death, a malformed frame — and the pool runs {@code ended} on every one of them.
 *
 * <p><b>The suspension</b> in the worker is {@link Thread#yield()}: the worker offers its core
 * (like the threading chapter) — and each call already suspends it, blocked reading its stdin
 * until the answer comes. The lesson tests make the suspension a call to the parent instead
 * ({@code pause}), so that the parent can force an interleaving.
 *
 * <p><b>Not retried safely.</b> The pool runs a job once more if its worker dies; for this job
 * that would count its increments twice. Counting is not idempotent (see the README).
 *
 * <p>On the wire: {@code task ID counter INCREMENTS READ SUSPEND}, READ {@code lease} or
 * {@code read}, SUSPEND {@code yield} or {@code pause}; then per increment the calls above;
 * then {@code done ID …} with no values.
 */
final class Counter implements CounterExercise {

    static final String KIND = "counter";

    /** What the parent does when a task asks it to {@code pause} between read and write (lesson tests). */
    @FunctionalInterface
    interface Pause {
        void between() throws Exception;
    }

    private final boolean leased;
    private final int workers;
    private final Pause pause; // null: the workers yield on their own

    private Counter(boolean leased, int workers, Pause pause) {
        this.leased = leased;
        this.workers = workers;
        this.pause = pause;
    }

    /** The exercise: a lease around read – yield – write, on one worker per core. Exact. */
    Counter() {
        this(true, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * The exercise's lease on {@code workers} workers; with a {@code pause}, the parent chooses the
     * suspension (lesson tests), with null the workers yield.
     */
    static Counter leased(int workers, Pause pause) {
        return new Counter(true, workers, pause);
    }

    /**
     * TEACHING DEMO: no lease. Loses updates whenever a read is answered between another task's
     * read and write. With a {@code pause}, the parent chooses the suspension; with null the workers yield.
     */
    static Counter unguarded(int workers, Pause pause) {
        return new Counter(false, workers, pause);
    }

    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) throws InterruptedException {
        var keeper = new Keeper(counter);
        try (var pool = Workers.pool().size(Math.min(request.tasks(), workers)).forWaiting().start()) {
            List<CounterJob> jobs = new ArrayList<>(request.tasks());
            for (int task = 0; task < request.tasks(); task++) {
                jobs.add(new CounterJob(task, request.incrementsPerTask(), leased, keeper, pause));
            }
            pool.map(jobs, trace);
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /**
     * The shared counter, in the parent, and what guards it. The pool's threads — one per
     * worker — answer the calls, so several touch it: each single step is whole because
     * {@link SharedCounter} takes its monitor for it; the lease is what keeps a read and its
     * write together.
     *
     * <p>What "shared" means across processes: the one counter is here, and a worker reaches it
     * only by messages, each answered by a read or a write in this process, in the order the
     * parent answers them. That order is the only one there is — no worker holds a copy — so
     * the counter's log, kept here, sees every interleaving that can lose an update. The task a
     * step belongs to is the parent's own number for the job (not a name the worker sends).
     */
    static final class Keeper {
        private final SharedCounter counter;
        private final Semaphore lease = new Semaphore(1, true);    // a read–write pair; fair: tasks take turns

        Keeper(SharedCounter counter) {
            this.counter = counter;
        }

        long read(int task) {
            return counter.read(task);
        }

        void write(int task, long value) {
            counter.write(task, value);
        }

        /** What the counter holds, outside any increment. */
        long value() {
            return counter.value();
        }

        void takeLease() {
            lease.acquireUninterruptibly();
        }

        void giveLeaseBack() {
            lease.release();
        }
    }

    /**
     * The parent's half: answers one task's calls. Not a record: it remembers whether its task
     * holds the lease. Every method runs on the pool's thread for the worker running the task.
     */
    static final class CounterJob implements Job<Void> {
        private final int task;
        private final int increments;
        private final boolean leased;
        private final Keeper keeper;
        private final Pause pause;
        private boolean holdsLease;

        CounterJob(int task, int increments, boolean leased, Keeper keeper, Pause pause) {
            this.task = task;
            this.increments = increments;
            this.leased = leased;
            this.keeper = keeper;
            this.pause = pause;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(increments), leased ? "lease" : "read", pause != null ? "pause" : "yield");
        }

        @Override
        public List<String> answer(List<String> question) throws Wire.BadFrameException {
            Values call = Values.of(question).expectAtLeast(1, "a counter call");
            return switch (call.text(0, "what")) {
                case "read" -> List.of(String.valueOf(keeper.read(task)));
                case "lease" -> {
                    if (holdsLease) {
                        throw new Wire.BadFrameException("a second lease before the write that ends the first");
                    }
                    keeper.takeLease(); // waits here while another task holds the counter
                    holdsLease = true;
                    yield List.of(String.valueOf(keeper.read(task)));
                }
                case "write" -> {
                    keeper.write(task, call.expectSize(2, "a write").number(1, "value"));
                    giveLeaseBackIfHeld();
                    yield List.of();
                }
                case "pause" -> {
                    pauseInTheParent();
                    yield List.of();
                }
                default -> throw new Wire.BadFrameException("unknown counter call \"" + Wire.excerpt(call.text(0, "what")) + "\"");
            };
        }

        private void pauseInTheParent() throws Wire.BadFrameException {
            if (pause == null) {
                throw new Wire.BadFrameException("a pause nobody asked for");
            }
            try {
                pause.between();
            } catch (Exception e) {
                throw new IllegalStateException("the parent's pause failed for " + label(), e);
            }
        }

        /** However the conversation ended: a lease still held is given back, so a dead worker keeps nothing. */
        @Override
        public void ended() {
            giveLeaseBackIfHeld();
        }

        private void giveLeaseBackIfHeld() {
            if (holdsLease) {
                holdsLease = false;
                keeper.giveLeaseBack();
            }
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            Values.of(values).expectSize(0, "a counter reply");
            return null;
        }

        @Override
        public String label() {
            return SpanNames.task(task);
        }
    }

    /** The worker's half: read (or lease), suspend, write read + 1 — each step a call to the parent. */
    static List<String> work(List<String> arguments, WorkerResources resources) throws Exception {
        Values task = Values.of(arguments).expectSize(3, "a counter task");
        long increments = task.number(0, "increments");
        String read = task.text(1, "read");
        boolean pauseInParent = task.text(2, "suspend").equals("pause");
        WorkerResources.Parent parent = resources.parent();
        for (long i = 0; i < increments; i++) {
            long value = Values.of(parent.call(read)).expectSize(1, "a " + read + " answer").number(0, "value");
            if (pauseInParent) {
                parent.call("pause");
            } else {
                Thread.yield(); // the suspension: offer the core to another process
            }
            parent.call("write", value + 1);
        }
        return List.of();
    }
}
