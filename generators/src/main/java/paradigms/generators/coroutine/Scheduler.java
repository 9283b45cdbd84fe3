package paradigms.generators.coroutine;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.trace.Trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The coroutine layer over one {@link EventLoop}: it keeps every live {@link Task} on a ready
 * list or a waiting list, and runs the ready ones in <em>ticks</em> — as asyncio builds its
 * tasks on its callbacks, without changing the loop.
 *
 * <p>A tick is one callback on the loop. It runs, oldest first, the tasks that were ready
 * when it began; a task made ready during the tick (woken, or one that yielded
 * {@link Await.Pass}) waits for the next tick. So a task that keeps passing cannot starve the
 * others, and every tick is a clean snapshot for {@link #dump()}. One tick is scheduled
 * (with {@code callSoon}) when the first task becomes ready, not one per task.
 *
 * <p><b>Threads:</b> everything here runs on the loop thread, except {@link #run}, called
 * by the thread that owns the loop (it becomes the loop thread while the loop runs). Work
 * offloaded to other threads ({@link Offload}) comes back through the loop's
 * {@code runInExecutor}, which also keeps the loop running until it has.
 *
 * <p><b>Nothing fails silently.</b> A callback that throws on the loop while {@code run}
 * runs makes {@code run} throw. A task that fails while nobody waits for it — spawned and
 * forgotten — keeps its exception, and when {@code run} ends, each such failure nobody
 * asked for is handed to the loop's error handler (the one set before {@code run}) as
 * "task exception was never retrieved", as asyncio logs it.
 */
public final class Scheduler {

    private final EventLoop loop;
    private final Trace trace;

    // Loop thread only.
    private final ArrayDeque<Task<?>> ready = new ArrayDeque<>();
    private final LiveTasks live = new LiveTasks(); // spawned and not done, in spawn order
    private final List<Task<?>> failed = new ArrayList<>(); // failed tasks: reported at the end if nobody asked
    private boolean tickScheduled;
    private long ticks;
    private int lastTaskId;
    private Consumer<String> tickWatcher;
    private Throwable callbackFailure;
    private boolean running;
    private Task<?> current; // the task whose step runs right now, or null

    public Scheduler(EventLoop loop) {
        this(loop, Trace.off());
    }

    /** Every step of every task is recorded in {@code trace} as a span named after the task. */
    public Scheduler(EventLoop loop, Trace trace) {
        this.loop = loop;
        this.trace = trace;
    }

    public EventLoop loop() {
        return loop;
    }

    Trace trace() {
        return trace;
    }

    /**
     * Wraps {@code coroutine} in a task, ready to run at the next tick (asyncio's
     * {@code create_task}). Loop thread only — or before {@link #run}, while the loop is idle.
     */
    public <T> Task<T> spawn(Coroutine<T> coroutine) {
        var task = new Task<>(this, ++lastTaskId, coroutine);
        live.add(task);
        makeReady(task);
        return task;
    }

    /** The task running right now (asyncio's {@code current_task}); null between steps. Loop thread only. */
    public Task<?> current() {
        return current;
    }

    /** A future owned by this scheduler's loop. */
    public <T> Future<T> newFuture(String label) {
        return new Future<>(this, label);
    }

    /** Every tick, before it runs anything, hands {@link #dump()} to {@code watcher} (null stops it). */
    public void watchTicks(Consumer<String> watcher) {
        this.tickWatcher = watcher;
    }

    public long ticks() {
        return ticks;
    }

    /**
     * The ready list and the waiting list, one task a line with its stack of coroutines
     * (bottom to top, each with its state) and what it waits for:
     * <pre>
     * tick 2: 1 ready, 2 waiting
     *   ready    #3 worker at START
     *   waiting  #1 main at JOINING &lt;- result of task #2 sleeper
     *   waiting  #2 sleeper at SLEEPING &lt;- delay 50 ms
     * </pre>
     */
    public String dump() {
        List<Task<?>> waiting = new ArrayList<>();
        live.forEach(task -> {
            if (task.state() == Task.State.WAITING) {
                waiting.add(task);
            }
        });
        var text = new StringBuilder("tick " + ticks + ": " + ready.size() + " ready, " + waiting.size() + " waiting");
        for (Task<?> task : ready) {
            text.append(System.lineSeparator()).append("  ready    ").append(task.describe());
        }
        for (Task<?> task : waiting) {
            text.append(System.lineSeparator()).append("  waiting  ").append(task.describe());
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs {@code main} as a task on the loop, on the calling thread, until it and every
     * task it left behind have finished — asyncio's {@code run}. Tasks spawned before
     * {@code run} start with it. When {@code main} ends, the
     * tasks still alive are cancelled, and the loop keeps running until their clean-up is
     * done and every offloaded call has landed: nothing outlives the call. Then each task
     * that failed with nobody asking for its exception is reported to the loop's error handler.
     *
     * @return main's result
     * @throws CompletionException wrapping main's checked exception (unchecked ones and
     *         {@link java.util.concurrent.CancellationException} come out as they are)
     * @throws IllegalStateException on a deadlock: tasks alive, each waiting, and nothing
     *         registered that could wake one (the message holds the dump)
     */
    public <T> T run(Coroutine<T> main) {
        if (running) {
            throw new IllegalStateException("this scheduler is already running");
        }
        running = true;
        callbackFailure = null;
        BiConsumer<String, Throwable> callersHandler = loop.errorHandler();
        loop.setErrorHandler((where, error) -> {
            if (callbackFailure == null) {
                callbackFailure = new IllegalStateException("a callback failed on the loop (" + where + ")", error);
            }
            loop.stop();
        });
        try {
            return runMain(main);
        } finally {
            loop.setErrorHandler(callersHandler);
            running = false;
            reportFailuresNobodySaw();
        }
    }

    private <T> T runMain(Coroutine<T> main) {
        List<Task<T>> mainTask = new ArrayList<>(1);
        // Handed over, so that main is spawned on the loop thread once the loop runs.
        loop.callSoonThreadSafe(() -> {
            Task<T> task = spawn(main);
            task.addDoneCallback(done -> cancelAll());
            mainTask.add(task);
        });
        // The loop returns when it has no work left — no ready callback, timer, I/O interest or
        // offloaded call it waits for — or when a callback failed (the handler above stopped it).
        loop.run();
        if (callbackFailure != null) {
            cancelAll();
            loop.run(); // let the cancelled tasks clean up, and the offloaded calls land
            throw new IllegalStateException(callbackFailure.getMessage(), callbackFailure.getCause());
        }
        if (!live.isEmpty()) {
            String stuck = dump();
            cancelAll();
            loop.run();
            throw new IllegalStateException("deadlock: every task waits and nothing can wake one" + System.lineSeparator() + stuck);
        }
        Task<T> task = mainTask.getFirst();
        if (task.isFailed() && !(task.exception() instanceof RuntimeException) && !(task.exception() instanceof Error)) {
            throw new CompletionException(task.exception());
        }
        return task.result();
    }

    private void cancelAll() {
        live.forEach(Task::cancel);
    }

    /** Hands each failure nobody asked for to the caller's error handler, once. */
    private void reportFailuresNobodySaw() {
        for (Task<?> task : failed) {
            Throwable unseen = task.failureNobodySaw();
            if (unseen != null) {
                loop.report("task exception was never retrieved: " + task, unseen);
            }
        }
        failed.clear();
    }

    // ------------------------------------------------------------------ for Task

    void makeReady(Task<?> task) {
        ready.add(task);
        if (!tickScheduled) {
            tickScheduled = true;
            loop.callSoon(this::tick);
        }
    }

    void taskDone(Task<?> task) {
        live.remove(task);
        if (task.isFailed()) {
            failed.add(task);
        }
    }

    private void tick() {
        tickScheduled = false;
        ticks++;
        if (tickWatcher != null) {
            tickWatcher.accept(dump());
        }
        for (int due = ready.size(); due > 0; due--) {
            current = ready.poll();
            try {
                current.step();
            } finally {
                current = null;
            }
        }
    }
}
