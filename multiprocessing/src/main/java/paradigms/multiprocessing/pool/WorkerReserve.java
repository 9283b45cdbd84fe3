package paradigms.multiprocessing.pool;

import paradigms.common.Paradigm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Worker processes kept between exercise calls, as a real program keeps its pool: started once,
 * lent to every {@link ProcessPool} started while this reserve is open, and taken back when
 * that pool closes. Without it, every call starts its own workers and stops them before it
 * returns (the chapter's tests, the cold path); with it, a call costs what it costs in a
 * program that keeps its workers. {@code MultiprocessingParadigm.startResources()} opens it.
 *
 * <pre>{@code
 * try (var kept = WorkerReserve.open(Workers.command(), 2, 32)) {
 *     new Squares().compute(request, trace); // its pool borrows 2 ready workers, and gives them back
 * }
 * }</pre>
 *
 * <p><b>What a borrowing pool changes, and what it does not.</b> The pool is the same: its own
 * slots, its own queue, its size, its first-in-first-out order — so a call on C workers still
 * has at most C tasks running. Only where a slot's child comes from changes: taken ready from
 * here instead of started, and given back when the pool closes instead of stopped.
 *
 * <p><b>Nothing leaks from one call into the next.</b> A child is given back only when its
 * slot ended normally: idle, its last conversation finished (a {@code done} or {@code failed}
 * frame read, every {@code call} answered), so nothing of the last job is left in its pipes.
 * A child whose job was abandoned (the pool closed while it ran), killed (a deadline's
 * {@code closeNow}), crashed or out of step is stopped, never given back: the reserve holds
 * one worker fewer from then on. What a
 * worker keeps from task to task ({@link WorkerResources}: a warmed-up HTTP stack, one JDBC
 * connection) changes no result; the parent's state of a job (the counter's value, a tally)
 * lives in the job, made anew by each call.
 *
 * <p><b>Kinds.</b> Computing and waiting workers run with different JVM flags
 * ({@link WorkerCommand}), so the reserve keeps them apart, by command. A pool that finds too
 * few idle workers of its kind starts the rest itself, and stops them when it closes, as
 * without a reserve: their start-up is in its call, and nothing it started outlives it.
 *
 * <p><b>Rejected: replacing lost workers in the background.</b> A long-lived pool would, but a
 * process started between two calls looks, to whoever checks that a call left nothing behind
 * (the main job's {@code deadline} case), exactly like a worker the call forgot. Opened with
 * more workers than one call needs, the reserve lasts: the main job's quick mode kills a few
 * per deadline run and never runs short.
 *
 * <p><b>Threads.</b> Any thread may take and give back; the kinds and {@code closed} are guarded
 * by {@code this}. At most one reserve is open in a JVM ({@link #current()}). A shutdown hook kills
 * every child the reserve started if the JVM exits while it is open.
 *
 * <p>States: {@code OPEN → CLOSED} on {@link #close()}: idle children are stopped at once, lent
 * ones when their pool gives them back.
 */
public final class WorkerReserve implements Paradigm.Started {

    private static final AtomicReference<WorkerReserve> OPEN = new AtomicReference<>();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** One kind of worker (one command): who is idle, who is lent out. */
    private static final class Kind {
        final ArrayDeque<ChildProcess> idle = new ArrayDeque<>();
        final Set<ChildProcess> lent = new HashSet<>();
    }

    private final Map<WorkerCommand, Kind> kinds = new HashMap<>(); // guarded by this
    private final Set<Process> started = ConcurrentHashMap.newKeySet(); // what the shutdown hook kills
    private final Thread shutdownHook = new Thread(this::killAll, "worker-reserve-shutdown-hook");
    private final Consumer<String> log;
    private final AtomicInteger nextSlot = new AtomicInteger(1);
    private volatile String description = "starting";
    private boolean closed; // guarded by this

    private WorkerReserve(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Starts {@code computing} workers of {@code computes} with the computing flags and
     * {@code waiting} with the waiting ones, all at once, and returns when every one is ready.
     *
     * @throws IllegalStateException if a reserve is open already, or a worker could not start (the others are stopped)
     */
    public static WorkerReserve open(WorkerCommand computes, int computing, int waiting) {
        WorkerCommand waits = computes.withFlags(WorkerCommand.WAITING_FLAGS);
        var reserve = new WorkerReserve(ProcessPool.STDERR);
        if (!OPEN.compareAndSet(null, reserve)) {
            throw new IllegalStateException("a WorkerReserve is open already: close it first");
        }
        Runtime.getRuntime().addShutdownHook(reserve.shutdownHook);
        long started = System.nanoTime();
        try {
            reserve.fill(Map.of(computes, computing, waits, waiting));
        } catch (RuntimeException e) {
            reserve.killAll(); // the ones that did get ready, and the ones still starting
            reserve.close();
            throw e;
        }
        double millis = (System.nanoTime() - started) / 1e6;
        int workers = computing + waiting;
        reserve.description = String.format(Locale.ROOT, "%d worker JVMs (%d computing, %d waiting) started at once, all ready"
                + " in %.0f ms: %.0f ms of wall time per worker", workers, computing, waiting, millis, millis / Math.max(1, workers));
        return reserve;
    }

    /** The open reserve, or null: a pool started now borrows from it. */
    public static WorkerReserve current() {
        return OPEN.get();
    }

    /** What it started and how long that took, measured by {@link #open}: the main job prints it beside its start-up figure. */
    @Override
    public String description() {
        return description;
    }

    /** A child being started by {@link #fill}, and the future of its "ready". */
    private record Starting(WorkerCommand command, CompletableFuture<ChildProcess> ready) {
    }

    /** Starts every worker at once, then waits for all to be ready. */
    private void fill(Map<WorkerCommand, Integer> counts) {
        List<Starting> starting = new ArrayList<>();
        counts.forEach((command, count) -> {
            synchronized (this) {
                kinds.computeIfAbsent(command, c -> new Kind());
            }
            for (int i = 0; i < count; i++) {
                ChildProcess child = spawn(command); // every child starts now; they get ready in parallel
                starting.add(new Starting(command, CompletableFuture.supplyAsync(() -> {
                    child.awaitReady();
                    return child;
                }, runnable -> Thread.ofPlatform().name(child.name() + "-ready").start(runnable))));
            }
        });
        try {
            CompletableFuture.allOf(starting.stream().map(Starting::ready).toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the kept workers were not all ready within " + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kept workers started", e);
        }
        starting.forEach(child -> keep(child.command(), child.ready().join()));
    }

    /**
     * The flag that marks a kept worker ({@link WorkerResources#KEPT_WORKER}). A kept worker keeps
     * no HTTP connection open from one task to the next: its socket client keeps no idle connection. Without a
     * reserve a worker's connections die with it at the end of the call; a kept worker lives on,
     * and an idle one holding a socket to a server would be, in that server's eyes, something
     * the last call left behind (the {@code deadline} contract's "nothing left"). A loopback
     * connect per request is what that costs.
     */
    static final String KEPT = "-D" + WorkerResources.KEPT_WORKER + "=true";

    private ChildProcess spawn(WorkerCommand command) {
        List<String> flags = new ArrayList<>(command.jvmFlags());
        flags.add(KEPT);
        ChildProcess child = ChildProcess.spawn("kept-worker-" + nextSlot.getAndIncrement(), command.withFlags(flags), log);
        started.add(child.process());
        child.process().onExit().thenRun(() -> started.remove(child.process()));
        return child;
    }

    private synchronized void keep(WorkerCommand command, ChildProcess child) {
        if (closed || !child.process().isAlive()) {
            stopLater(child);
            return;
        }
        kinds.get(command).idle.push(child);
    }

    // ---------------------------------------------------------------- for the pools

    /** A ready, idle child of this kind, now lent to the caller; null if none is idle. */
    synchronized ChildProcess take(WorkerCommand command) {
        Kind kind = kinds.get(command);
        if (closed || kind == null) {
            return null;
        }
        ChildProcess child;
        while ((child = kind.idle.poll()) != null) {
            if (child.process().isAlive()) { // one that died while idle is dropped
                kind.lent.add(child);
                return child;
            }
        }
        return null;
    }

    /**
     * A pool gives back a child whose slot ended normally (idle, its last conversation over).
     * Only a child lent by this reserve is kept; any other is stopped, as its pool would.
     */
    void giveBack(WorkerCommand command, ChildProcess child) {
        synchronized (this) {
            Kind kind = kinds.get(command);
            if (kind != null && kind.lent.remove(child) && !closed && child.process().isAlive()) {
                kind.idle.push(child);
                return;
            }
        }
        child.stop(); // not ours, or the reserve is closed, or the child died: nobody keeps it
    }

    /** A pool stopped a lent child instead of giving it back (abandoned, killed, crashed): it is no longer ours. */
    synchronized void lost(WorkerCommand command, ChildProcess child) {
        Kind kind = kinds.get(command);
        if (kind != null) {
            kind.lent.remove(child);
        }
    }

    // ---------------------------------------------------------------- closing

    /** Stops every idle child and waits until each is gone; lent ones are stopped when given back. Idempotent. */
    @Override
    public void close() {
        List<ChildProcess> idle = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            kinds.values().forEach(kind -> {
                idle.addAll(kind.idle);
                kind.idle.clear();
            });
        }
        OPEN.compareAndSet(this, null);
        idle.forEach(ChildProcess::endInput); // all exit at once; stop() then only waits for each
        idle.forEach(ChildProcess::stop);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() runs inside the JVM's shutdown: the hook runs (or ran) anyway
        }
    }

    private void stopLater(ChildProcess child) {
        child.endInput();
        Thread.ofPlatform().daemon().name("kept-worker-stop").start(child::stop);
    }

    private void killAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** How many idle children of each kind, for tests. */
    public synchronized int idle() {
        return kinds.values().stream().mapToInt(kind -> kind.idle.size()).sum();
    }
}
