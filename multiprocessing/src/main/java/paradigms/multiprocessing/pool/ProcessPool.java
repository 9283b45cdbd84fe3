package paradigms.multiprocessing.pool;

import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pool of worker processes — child JVMs started from this JVM's own {@code java} and class
 * path — that run {@link Job}s sent to them over their stdin and stdout. Written by hand,
 * because it is the lesson; {@code java.util.concurrent} has nothing like it.
 *
 * <pre>{@code
 * try (var pool = ProcessPool.builder().size(2).command(WorkerCommand.of(MyWorkerMain.class.getName())).start()) {
 *     List<List<SquareSum>> sums = pool.map(jobs, trace);
 * }
 * }</pre>
 *
 * The workers' main is the pool user's: a class whose {@code main} calls {@link WorkerMain#serve}
 * with the task kinds it knows. The pool knows no task kinds itself; this chapter's workers are
 * {@code paradigms.multiprocessing.Workers}.
 *
 * <p><b>Contract.</b> {@link #start} returns once every worker has said it is ready.
 * {@link #submit} queues a job and returns its future; the queue is first in, first out, and
 * each worker runs one job at a time, so at most {@link #size()} jobs run at once.
 * {@link #map} returns results in the jobs' order, {@link #unordered} in the order they
 * finish. A pool of the default workers started while a {@link WorkerReserve} is open borrows
 * its workers, ready, from the reserve, and gives back those that end idle when it closes:
 * the same contract, without the start-up. A worker that dies while running a job is replaced, and the job runs once more
 * (see {@link PoolWorker} for why once). {@link #close} leaves no child process behind, and a
 * shutdown hook does the same if the JVM exits while the pool is open.
 *
 * <p><b>Threads.</b> Any thread may submit. Each worker has a thread here (its
 * {@link PoolWorker}) that blocks reading its child's stdout, plus one that copies the child's
 * stderr to the log. Futures are completed on the worker threads, so callbacks attached with
 * {@code whenComplete} run there and must be short.
 *
 * <p>The pool's states:
 * <pre>
 *   STARTING → OPEN     every worker wrote "ready": start() returns
 *   STARTING → CLOSED   a worker could not start, or not within the start timeout: the others
 *                       are stopped and start() throws
 *   OPEN     → CLOSED   close(): queued jobs fail with Closed, running ones are abandoned (their
 *                       workers halt), every child is reaped; closeNow(): the same, but busy
 *                       workers are killed first; or the JVM exits: the shutdown hook kills
 *                       every child still alive
 * </pre>
 */
public final class ProcessPool implements AutoCloseable {

    /**
     * The parent's log is its stderr, as for the web server fixture: a logging framework would
     * add nothing here, and under {@code mvn -q exec:java} SLF4J would bind to Maven's own
     * logger, which {@code -q} silences.
     */
    static final Consumer<String> STDERR = line -> System.err.println("[process-pool] " + line);

    /** Put in the queue once per worker by close(): "no more jobs, stop". */
    private static final Submission<Void> STOP = new Submission<>(-1, null, Trace.off());

    private final WorkerCommand command;
    private final Consumer<String> stderrLog;
    private final WorkerReserve reserve; // null: every child is this pool's own, started and stopped here
    private final List<PoolWorker> workers = new ArrayList<>();
    private final LinkedBlockingQueue<Submission<?>> queue = new LinkedBlockingQueue<>();
    private final Set<Process> alive = ConcurrentHashMap.newKeySet(); // what the shutdown hook kills
    private final Thread shutdownHook = new Thread(this::killAll, "process-pool-shutdown-hook");
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger crashes = new AtomicInteger();
    private Duration startupTime;
    private boolean closed; // guarded by this

    private ProcessPool(WorkerCommand command, Consumer<String> stderrLog, WorkerReserve reserve) {
        this.command = command;
        this.stderrLog = stderrLog;
        this.reserve = reserve;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The pool's settings; each has a default. */
    public static final class Builder {
        private int size = Runtime.getRuntime().availableProcessors();
        private WorkerCommand command;
        private Consumer<String> stderrLog = STDERR;
        private Duration startTimeout = Duration.ofSeconds(30);
        private boolean forWaiting;

        /** How many workers; by default one per core, as for CPU-bound work. */
        public Builder size(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("size must be positive, was " + size);
            }
            this.size = size;
            return this;
        }

        /**
         * How to start a worker: a main that calls {@link WorkerMain#serve} with the task kinds it
         * knows. No default: the pool does not know which tasks its user's workers run.
         */
        public Builder command(WorkerCommand command) {
            this.command = command;
            return this;
        }

        /** For workers that mostly wait: {@link WorkerCommand#WAITING_FLAGS} instead of the computing ones. */
        public Builder forWaiting() {
            this.forWaiting = true;
            return this;
        }

        /** Where the workers' stderr lines go, each prefixed with the worker's name; by default the log. */
        public Builder stderrLog(Consumer<String> stderrLog) {
            this.stderrLog = stderrLog;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * Starts every worker at once and waits until all are ready.
         *
         * @throws NotReadyInTime if they were not all ready within the start timeout
         */
        public ProcessPool start() {
            if (command == null) {
                throw new IllegalStateException("no worker command: say which main the workers run, with command(…)");
            }
            WorkerCommand chosen = command;
            if (forWaiting) {
                chosen = chosen.withFlags(WorkerCommand.WAITING_FLAGS);
            }
            // The reserve lends only workers of the same command (a test's special worker finds none
            // there), and only to a pool that logs as the exercises' pools do.
            boolean borrows = stderrLog == STDERR;
            var pool = new ProcessPool(chosen, stderrLog, borrows ? WorkerReserve.current() : null);
            pool.open(size, startTimeout);
            return pool;
        }
    }

    private void open(int size, Duration startTimeout) {
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(shutdownHook); // before the first child exists
        for (int i = 1; i <= size; i++) {
            var worker = new PoolWorker(i, this);
            workers.add(worker);
            worker.start(); // spawns its child on its own thread, so the children start in parallel
        }
        try {
            CompletableFuture.allOf(workers.stream().map(PoolWorker::firstReady).toArray(CompletableFuture[]::new))
                    .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // e.g. "worker-1 (pid 4242) exited with code 1 before it was ready"
            }
            throw new IllegalStateException("a worker could not start", e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new NotReadyInTime(startTimeout);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workers started", e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@link Builder#start()} gave up: the workers were not all ready within the start timeout (and are stopped). */
    public static final class NotReadyInTime extends IllegalStateException {
        NotReadyInTime(Duration startTimeout) {
            super("the workers were not all ready within " + startTimeout.toMillis() + " ms");
        }
    }

    // ---------------------------------------------------------------- using the pool

    public int size() {
        return workers.size();
    }

    /** From {@code start()} to the last worker's "ready": what a pool costs before any work. */
    public Duration startupTime() {
        return startupTime;
    }

    /** How many workers died while running a job, since the pool started. */
    public int crashes() {
        return crashes.get();
    }

    /** A snapshot of the workers, for tests and the demo. */
    public List<PoolWorker> workers() {
        return List.copyOf(workers);
    }

    /**
     * Queues {@code job}; the returned future completes on a worker thread with the job's
     * result, or with a {@link PoolException}. Spans the worker reports go into {@code trace}.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public <R> CompletableFuture<R> submit(Job<R> job, Trace trace) {
        var submission = new Submission<>(nextId.getAndIncrement(), job, trace);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
            queue.add(submission);
        }
        return submission.result();
    }

    /**
     * Runs every job and returns the results in the jobs' order. Fails fast: the first job
     * to fail (in the order they finish) throws its {@link PoolException} at once; the others
     * are left running until the pool is closed.
     */
    public <R> List<R> map(List<? extends Job<R>> jobs, Trace trace) throws InterruptedException {
        List<R> results = new ArrayList<>(Collections.nCopies(jobs.size(), null));
        Completions<R> completions = unordered(jobs, trace);
        while (completions.hasNext()) {
            Completions.Completed<R> completed = completions.next();
            results.set(completed.index(), completed.value());
        }
        return results;
    }

    /**
     * Splits {@code items} into chunks of {@code chunkSize}, sends one job per chunk, and
     * returns all results in the items' order. Fewer, larger jobs mean fewer round trips
     * through the pipes; too few mean a worker idles while another finishes a big chunk.
     */
    public <T, R> List<R> mapChunked(List<T> items, int chunkSize, Function<List<T>, Job<List<R>>> jobForChunk, Trace trace)
            throws InterruptedException {
        List<Job<List<R>>> jobs = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            jobs.add(jobForChunk.apply(items.subList(from, Math.min(items.size(), from + chunkSize))));
        }
        List<R> results = new ArrayList<>(items.size());
        map(jobs, trace).forEach(results::addAll);
        return results;
    }

    /**
     * {@link #mapChunked(List, int, Function, Trace)} with {@link #defaultChunkSize}: for items
     * whose costs differ or are not known in advance.
     */
    public <T, R> List<R> mapChunked(List<T> items, Function<List<T>, Job<List<R>>> jobForChunk, Trace trace)
            throws InterruptedException {
        return mapChunked(items, defaultChunkSize(items.size(), size()), jobForChunk, trace);
    }

    /**
     * At least four chunks per worker, so that a worker slowed down by something else on the
     * machine simply takes fewer of them. Python's {@code Pool.map} rounds this division up;
     * rounding down splits evenly more often: the squares' 20 n's on 2 workers make 10 chunks of
     * 2 (5 per worker), where rounding up makes 7 chunks of 3 or 2, split 4 to 3.
     */
    public static int defaultChunkSize(int items, int workers) {
        return Math.max(1, items / (4 * workers));
    }

    /**
     * One chunk per worker, for work whose items all cost the same (the squares: every n of the
     * exercise is within 20 of 5,000,000). Nothing to balance, so the fewest jobs win: each costs a
     * round trip and, on a busy machine, a wake-up of a worker that waits for its time slice.
     * The 20 n's on 2 workers make 2 chunks of 10; 43 items on 4 workers, 4 chunks of 11 or 10.
     */
    public static int evenChunkSize(int items, int workers) {
        return Math.max(1, (items + workers - 1) / workers);
    }

    /** Submits every job; the results come out of the returned {@link Completions} as they finish. */
    public <R> Completions<R> unordered(List<? extends Job<R>> jobs, Trace trace) {
        var finished = new LinkedBlockingQueue<Completions.Completed<R>>();
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            submit(jobs.get(i), trace).whenComplete((value, error) -> finished.add(new Completions.Completed<>(index, value, error)));
        }
        return new Completions<>(jobs.size(), finished);
    }

    // ---------------------------------------------------------------- closing

    /**
     * Stops every worker and waits until every child process is gone. Jobs still queued fail
     * with {@link PoolException.Closed}; jobs running are abandoned. Idempotent.
     */
    @Override
    public void close() {
        List<Submission<?>> abandoned = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.drainTo(abandoned);
            workers.forEach(worker -> queue.add(STOP));
        }
        abandoned.forEach(submission -> submission.fail(new PoolException.Closed("pool", submission.label())));
        if (reserve == null) {
            workers.forEach(PoolWorker::stop);
        } else {
            // Idle workers take their stop pill and go back to the reserve; a worker still running
            // an abandoned job is stopped, never given back, so nothing of that job reaches the next call.
            workers.forEach(PoolWorker::stopIfRunning);
        }
        try {
            for (PoolWorker worker : workers) {
                worker.awaitStopped(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killAll(); // normally nothing is left; this is the guarantee, not the plan
        for (Process process : alive) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() is running inside the JVM's shutdown: the hook runs (or ran) anyway
        }
    }

    /**
     * Like {@link #close()}, but a worker still running a job is killed (SIGKILL) at once instead
     * of being told to stop — what a caller that gives up on its jobs wants (the {@code deadline}
     * exercise). Why not just close: a worker told to stop halts its JVM, and HotSpot's exit waits
     * up to about 300 ms for threads that are in native code — a task thread blocked in a socket
     * read is one. Measured here: three workers blocked in downloads took 310–330 ms to be gone
     * after close(), against about 15 ms for workers blocked in {@code Thread.sleep}. A signal does
     * not wait for anything.
     */
    public void closeNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        workers.forEach(PoolWorker::killIfBusy);
        close();
    }

    /** SIGKILL to every child still alive. The shutdown hook; also close()'s last step. */
    private void killAll() {
        alive.forEach(Process::destroyForcibly);
    }

    // ---------------------------------------------------------------- for the workers

    /** On a worker's thread: the next job, or null when the pool is closing. */
    Submission<?> nextSubmission() throws InterruptedException {
        Submission<?> next = queue.take();
        return next == STOP ? null : next;
    }

    /**
     * On a worker's thread: a child for this slot — a ready one borrowed from the reserve, or
     * one started now (not ready yet) — kept in the set the shutdown hook kills.
     */
    ChildProcess spawn(String slot) {
        ChildProcess borrowed = reserve == null ? null : reserve.take(command);
        ChildProcess child = borrowed != null ? borrowed : ChildProcess.spawn(slot, command, stderrLog);
        alive.add(child.process());
        child.process().onExit().thenRun(() -> alive.remove(child.process()));
        return child;
    }

    /**
     * On a worker's thread, as its slot ends (or drops a broken child): a borrowed child that
     * ended {@code idle} goes back to the reserve; any other is stopped. Without a reserve,
     * every child is stopped.
     */
    void release(ChildProcess child, boolean idle) {
        if (reserve == null) {
            child.stop();
        } else if (idle) {
            alive.remove(child.process()); // no longer this pool's: close() must not kill it
            reserve.giveBack(command, child);
        } else {
            child.stop();
            reserve.lost(command, child);
        }
    }

    void countCrash() {
        crashes.incrementAndGet();
    }

    void log(String message) {
        stderrLog.accept(message);
    }
}
