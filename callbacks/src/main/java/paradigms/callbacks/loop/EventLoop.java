package paradigms.callbacks.loop;

import paradigms.callbacks.loop.LoopClock;
import paradigms.callbacks.loop.Repeating;
import paradigms.callbacks.loop.Timer;
import paradigms.callbacks.loop.VirtualClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * An event loop: one thread that runs short callbacks one after another, and waits — for
 * sockets and for time — only in one place, {@link Selector#select}.
 *
 * <p>Nothing here suspends anything. A piece of work that must wait ends its callback and
 * leaves behind another callback saying what to do when the wait is over ("call this when
 * the socket is readable", "call this in 50 ms"). The loop keeps three kinds of pending work:
 * <ul>
 *   <li>the <b>ready queue</b>: callbacks to run now, first in first out — the one waiting
 *       longest runs next ({@link #callSoon});</li>
 *   <li>the <b>timer heap</b>: callbacks due at a time, earliest first, equal deadlines in the
 *       order they were scheduled ({@link #callLater});</li>
 *   <li><b>I/O interests</b>: one-shot callbacks for when a channel is readable or writable
 *       ({@link #onReadable}, {@link #onWritable}).</li>
 * </ul>
 * Other threads may only hand a callback over with {@link #callSoonThreadSafe} (and
 * {@link #stop()}): it goes into a thread-safe inbox and {@link Selector#wakeup()} interrupts
 * the wait.
 *
 * <h2>Threads</h2>
 * The thread that calls {@link #run()} is the loop thread until {@code run()} returns. All
 * the loop's state — ready queue, timer heap, interests, timers' states — is touched only by
 * it, so none of it needs a lock. Methods marked "loop thread only" check this and throw
 * {@link IllegalStateException} when called from another thread while the loop runs. Before
 * {@code run()} (and after it returned), the thread setting the loop up may call them too.
 * The exception to the rule: the inbox ({@link #callSoonThreadSafe}) and the stop flag.
 *
 * <h2>State machine</h2>
 * <pre>
 *   IDLE    --run()-------------------------------------------->  RUNNING
 *   RUNNING --no work left (nothing ready, no live timer, no I/O
 *             interest, no offloaded job, empty inbox)---------->  IDLE     (run() returns)
 *   RUNNING --stop(), after the current batch of callbacks----->  IDLE     (run() returns)
 *   IDLE    --close()------------------------------------------>  CLOSED   (the selector is closed)
 *   RUNNING --close()------------------------------------------>  IllegalStateException
 *   CLOSED  --run()--------------------------------------------->  IllegalStateException
 * </pre>
 * A loop may be run again after {@code run()} returned (e.g. a test schedules, runs, checks,
 * schedules more). A {@code stop()} that arrives while the loop is IDLE makes the next
 * {@code run()} do one iteration and return (as asyncio's {@code run_forever} does).
 *
 * <h2>One iteration (a "tick") of RUNNING</h2>
 * <ol>
 *   <li>move callbacks from the inbox to the ready queue;</li>
 *   <li>decide how long to wait: not at all if something is ready; until the next timer's
 *       deadline (rounded UP to whole milliseconds — {@code select(long)} counts in
 *       milliseconds, and a timer must never fire early); not at all but polling, for a timer
 *       due in less than a millisecond ({@code select(0)} would mean "forever"); forever if
 *       only I/O is pending;</li>
 *   <li>{@code select}: every channel that became ready moves its callback to the ready queue;</li>
 *   <li>every timer whose deadline has passed moves to the ready queue, in deadline order;</li>
 *   <li>run the callbacks that are in the ready queue <em>now</em>; callbacks they schedule
 *       wait for the next tick, so that a callback re-scheduling itself cannot starve I/O.</li>
 * </ol>
 * An exception thrown by a callback goes to the error handler ({@link #setErrorHandler}) and
 * the loop goes on with the next callback: the loop never dies of one bad callback, and never
 * swallows the error silently.
 */
public final class EventLoop implements AutoCloseable {

    /** The wait of a tick that must not block. */
    private static final long POLL = 0;
    /** The wait of a tick with only I/O pending. */
    private static final long FOREVER = -1;
    /** Below this many cancelled timers, compacting the heap is not worth it (see {@link #timerCancelled}). */
    private static final int COMPACT_ABOVE = 256;

    private final LoopClock clock;
    private final Selector selector;

    // Loop thread only.
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer.ORDER);
    private long timerSequence;
    private int cancelledTimersInHeap; // cancelled timers still in the heap: see timerCancelled()
    private int ioCallbacks;     // readiness callbacks registered and not yet run
    private int offloadedJobs;   // runInExecutor jobs whose answer has not come back
    private long ticks;          // iterations so far: the benchmark reports requests per tick

    // Any thread.
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private volatile Thread loopThread;   // non-null exactly while run() runs
    private volatile boolean stopRequested;
    private volatile boolean closed;
    private volatile BiConsumer<String, Throwable> errorHandler = EventLoop::printToStandardError;

    /** A loop on the real clock. */
    public EventLoop() {
        this(LoopClock.system());
    }

    /** A loop on the given clock, e.g. a {@link VirtualClock} in tests. */
    public EventLoop(LoopClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    // ------------------------------------------------------------------ scheduling

    /** Runs {@code callback} on a later tick, after every callback already waiting. Loop thread only. */
    public void callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        requireLoopThread("callSoon");
        ready.add(callback);
    }

    /**
     * Runs {@code callback} once {@code delay} has passed on the loop's clock — never earlier,
     * possibly later (the loop may be busy). A zero or negative delay means "due now".
     * Loop thread only.
     */
    public Timer callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        long nanos = delay.isNegative() ? 0 : saturatedNanos(delay);
        return callAt(clock.nanoTime() + nanos, callback);
    }

    /** Runs {@code callback} when the loop's clock reaches {@code deadlineNanos}. Loop thread only. */
    public Timer callAt(long deadlineNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        requireLoopThread("callLater");
        Timer timer = new Timer(this, deadlineNanos, timerSequence++, callback);
        timers.add(timer);
        return timer;
    }

    /**
     * Hands {@code callback} to the loop from any thread: it joins the ready queue on the loop's
     * next tick. Wakes the loop if it is waiting in {@code select}.
     *
     * <p>Careful: a loop with nothing else to do returns from {@code run()} and will not wait
     * for a callback that another thread <em>might</em> send later. Work done on other
     * threads should be started with {@link #runInExecutor}, which the loop waits for.
     *
     * @throws RejectedExecutionException if the loop is closed
     */
    public void callSoonThreadSafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (closed) {
            throw new RejectedExecutionException("the event loop is closed");
        }
        inbox.add(callback);
        if (Thread.currentThread() != loopThread) {
            selector.wakeup(); // cheap, and a wakeup before select() makes that select() return at once
        }
    }

    /**
     * Runs {@code job} on {@code executor} (another thread), then {@code whenDone} on the loop
     * thread with its value or its exception (one of the two is null). The loop counts the job
     * as pending work until its answer is back, so {@code run()} does not return meanwhile.
     * This is asyncio's {@code run_in_executor}: the way to call a blocking library without
     * stalling the loop. Loop thread only.
     */
    public <T> void runInExecutor(Executor executor, Callable<T> job, BiConsumer<? super T, ? super Throwable> whenDone) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(whenDone, "whenDone");
        requireLoopThread("runInExecutor");
        offloadedJobs++;
        try {
            executor.execute(() -> {
                T value = null;
                Throwable error = null;
                try {
                    value = job.call();
                } catch (Throwable e) {
                    error = e;
                }
                T result = value;
                Throwable failure = error;
                callSoonThreadSafe(() -> {
                    offloadedJobs--;
                    whenDone.accept(result, failure);
                });
            });
        } catch (RuntimeException rejected) {
            offloadedJobs--;
            throw rejected;
        }
    }

    // ------------------------------------------------------------------ I/O readiness

    /**
     * Runs {@code callback} once, on the loop thread, when {@code channel} has something to
     * read (or is at end of stream, or failed — the callback's read will tell which). The
     * channel must be in non-blocking mode. At most one readable callback per channel at a
     * time. Loop thread only.
     */
    public void onReadable(SelectableChannel channel, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        requireLoopThread("onReadable");
        Interest interest = interestIn(channel);
        if (interest.onReadable != null) {
            throw new IllegalStateException("a readable callback is already waiting on " + channel);
        }
        interest.onReadable = callback;
        ioCallbacks++;
        interest.applyTo(channel, true);
    }

    /**
     * Runs {@code callback} once, on the loop thread, when {@code channel} can be written to.
     * For a {@link SocketChannel} whose connection is still pending, "writable" means "the
     * connection attempt finished" (as it does for a POSIX socket); the callback then calls
     * {@link SocketChannel#finishConnect()} to learn whether it succeeded. At most one
     * writable callback per channel at a time. Loop thread only.
     */
    public void onWritable(SelectableChannel channel, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        requireLoopThread("onWritable");
        Interest interest = interestIn(channel);
        if (interest.onWritable != null) {
            throw new IllegalStateException("a writable callback is already waiting on " + channel);
        }
        interest.onWritable = callback;
        ioCallbacks++;
        interest.applyTo(channel, interest.readInterestLingers());
    }

    /**
     * Forgets the readiness callbacks waiting on {@code channel}; they will not run. Call it
     * before closing a channel that may still have one (a timeout, an error on the other
     * direction): a callback left on a closed channel would never run, and the loop would
     * count it as pending work forever. Loop thread only.
     */
    public void removeInterest(SelectableChannel channel) {
        requireLoopThread("removeInterest");
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            return;
        }
        Interest interest = (Interest) key.attachment();
        if (interest.onReadable != null) {
            interest.onReadable = null;
            ioCallbacks--;
        }
        if (interest.onWritable != null) {
            interest.onWritable = null;
            ioCallbacks--;
        }
        if (key.isValid()) {
            interest.applyTo(channel, false);
        }
    }

    /**
     * The callbacks waiting on one channel, attached to its {@link SelectionKey}. The key stays
     * registered between waits (re-registering a channel costs more than changing its
     * interest); closing the channel cancels the key.
     *
     * <p>Optimisation (for many requests a second: one system call fewer per read): the
     * selector's read interest is dropped <em>lazily</em>. After a readable callback fired, the
     * interest stays on: a connection that just read part of an answer usually asks to read
     * again at once, and each change of interest is a system call ({@code epoll_ctl}) at the
     * next select. If the channel becomes readable while nobody waits — rare: data or end of
     * stream nobody asked for — the interest is dropped then. The write interest is dropped at
     * once: a socket is nearly always writable, so a write interest left behind would wake the
     * loop on the very next tick.
     * Plain version: {@code interest.applyTo(key.channel(), false)} in {@link #dispatch}, and no
     * {@code keepReadInterest} parameter.
     */
    private final class Interest {
        final SelectionKey key;
        Runnable onReadable;
        Runnable onWritable;

        Interest(SelectableChannel channel) throws ClosedChannelException {
            this.key = channel.register(selector, 0, this);
        }

        /** Sets the selector's interest to what the callbacks wait for, plus a lingering read interest if asked. */
        void applyTo(SelectableChannel channel, boolean keepReadInterest) {
            int ops = 0;
            if (onReadable != null || keepReadInterest) {
                ops |= SelectionKey.OP_READ;
            }
            if (onWritable != null) {
                boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
                ops |= connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
            }
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }

        boolean readInterestLingers() {
            return (key.interestOps() & SelectionKey.OP_READ) != 0;
        }
    }

    private Interest interestIn(SelectableChannel channel) {
        Objects.requireNonNull(channel, "channel");
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            return (Interest) key.attachment();
        }
        try {
            return new Interest(channel);
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException("cannot wait for a closed channel: " + channel, e);
        }
    }

    /** Called by the selector for each channel that became ready: queue what waited for it. */
    private void dispatch(SelectionKey key) {
        Interest interest = (Interest) key.attachment();
        int readyOps = key.readyOps();
        boolean readableForSomeone = (readyOps & SelectionKey.OP_READ) != 0 && interest.onReadable != null;
        if (readableForSomeone) {
            ready.add(interest.onReadable);
            interest.onReadable = null;
            ioCallbacks--;
        }
        if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && interest.onWritable != null) {
            ready.add(interest.onWritable);
            interest.onWritable = null;
            ioCallbacks--;
        }
        if (key.isValid()) {
            // One-shot: what fired is no longer waited for. A read interest that fired for a
            // callback lingers (see Interest); one that fired for nobody is dropped now.
            interest.applyTo(key.channel(), readableForSomeone);
        }
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the loop on the calling thread until no work is left or {@link #stop()} is called.
     *
     * @throws IllegalStateException if the loop is already running or closed
     */
    public void run() {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
        synchronized (this) { // only guards against two threads calling run() at once
            if (loopThread != null) {
                throw new IllegalStateException("the event loop is already running on " + loopThread.getName());
            }
            loopThread = Thread.currentThread();
        }
        try {
            do {
                tick();
            } while (!stopRequested && hasWork());
        } finally {
            stopRequested = false;
            loopThread = null;
        }
    }

    /** Makes {@code run()} return after the current batch of callbacks. Any thread. */
    public void stop() {
        stopRequested = true;
        if (!closed && Thread.currentThread() != loopThread) {
            selector.wakeup();
        }
    }

    /** True on the thread that is running the loop right now. */
    public boolean inLoopThread() {
        return Thread.currentThread() == loopThread;
    }

    /** The loop's clock: the time timers are scheduled by. */
    public long nanoTime() {
        return clock.nanoTime();
    }

    /**
     * Where exceptions thrown by callbacks go: the handler receives a one-line context and the
     * exception, on the loop thread. The default prints both to standard error.
     */
    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errorHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * The handler set last (the default one if none was set): for a layer on top of the loop
     * that installs its own handler for a while and puts this one back afterwards.
     */
    public BiConsumer<String, Throwable> errorHandler() {
        return errorHandler;
    }

    /** Closes the selector. Callbacks still pending are dropped. Not while running. */
    @Override
    public void close() {
        if (loopThread != null) {
            throw new IllegalStateException("close() while the loop runs: stop() it and let run() return first");
        }
        if (closed) {
            return;
        }
        closed = true;
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the selector", e);
        }
    }

    private void tick() {
        ticks++;
        for (Runnable callback; (callback = inbox.poll()) != null; ) {
            ready.add(callback);
        }
        dropCancelledTimersAtHead();
        select(howLongToWait());
        moveDueTimersToReady();
        runReadyBatch();
    }

    private boolean hasWork() {
        return !ready.isEmpty()
                || timers.size() > cancelledTimersInHeap
                || ioCallbacks > 0
                || offloadedJobs > 0
                || !inbox.isEmpty();
    }

    /** In milliseconds for {@code select(long)}, or {@link #POLL}, or {@link #FOREVER}. */
    private long howLongToWait() {
        if (!ready.isEmpty() || stopRequested || !hasWork()) {
            return POLL;
        }
        Timer next = timers.peek();
        if (next == null) {
            return FOREVER; // only I/O or offloaded jobs: their arrival (or wakeup()) ends the wait
        }
        long delay = next.deadlineNanos - clock.nanoTime();
        if (delay <= 0 || clock.skipTo(next.deadlineNanos)) {
            return POLL;
        }
        if (delay < 1_000_000) {
            // select(0) means "forever" and select(1) would overshoot; poll until the timer is due.
            // This spins for under a millisecond, only when a timer is that close.
            return POLL;
        }
        return Math.ceilDiv(delay, 1_000_000); // UP: a timer may fire late, never early
    }

    private void select(long waitMillis) {
        try {
            if (waitMillis == POLL) {
                selector.selectNow(this::dispatch);
            } else if (waitMillis == FOREVER) {
                selector.select(this::dispatch);
            } else {
                selector.select(this::dispatch, waitMillis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector failed", e);
        }
    }

    private void dropCancelledTimersAtHead() {
        while (!timers.isEmpty() && timers.peek().state() == Timer.State.CANCELLED) {
            timers.poll();
            cancelledTimersInHeap--;
        }
    }

    private void moveDueTimersToReady() {
        long now = clock.nanoTime();
        for (Timer next; (next = timers.peek()) != null; ) {
            if (next.state() == Timer.State.CANCELLED) {
                timers.poll();
                cancelledTimersInHeap--;
            } else if (next.deadlineNanos - now <= 0) {
                timers.poll();
                next.markDue();
                ready.add(next.fire);
            } else {
                return;
            }
        }
    }

    /** Runs the callbacks queued before this batch started; later ones wait for the next tick. */
    private void runReadyBatch() {
        for (int n = ready.size(); n > 0; n--) {
            Runnable callback = ready.poll();
            try {
                callback.run();
            } catch (Throwable error) {
                report("exception in a callback on the event loop", error);
            }
        }
    }

    /**
     * Hands {@code error} to the error handler with {@code context}, as the loop does for a
     * callback that throws; for machinery on the loop that catches an exception itself and must
     * still not swallow it ({@link Repeating}; the coroutines' scheduler, for a task that failed
     * with nobody to hear it). A handler that throws does not stop the caller: its failure goes
     * to standard error. Loop thread only.
     */
    public void report(String context, Throwable error) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(error, "error");
        requireLoopThread("report");
        try {
            errorHandler.accept(context, error);
        } catch (Throwable handlerFailed) {
            handlerFailed.addSuppressed(error);
            printToStandardError("the event loop's error handler failed", handlerFailed);
        }
    }

    /** How many ticks the loop has made: for measurements. Loop thread only. */
    public long ticks() {
        return ticks;
    }

    /**
     * Called by a timer cancelled while still in the heap.
     *
     * <p>Optimisation (for many cancelled timers, e.g. a time limit per request that is met):
     * a cancelled timer stays in the heap, counted, and is dropped when it reaches the top, or
     * all at once when more than half the heap is cancelled; removing it from the middle of a
     * heap costs a search through the whole heap.
     * Plain version: {@code timers.remove(timer);} here, and no {@code cancelledTimersInHeap}.
     */
    void timerCancelled() {
        cancelledTimersInHeap++;
        if (cancelledTimersInHeap > COMPACT_ABOVE && cancelledTimersInHeap > timers.size() / 2) {
            timers.removeIf(timer -> timer.state() == Timer.State.CANCELLED);
            cancelledTimersInHeap = 0;
        }
    }

    private void requireLoopThread(String method) {
        Thread owner = loopThread;
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException(method + "() called on thread \"" + Thread.currentThread().getName()
                    + "\" while the loop runs on \"" + owner.getName() + "\"; use callSoonThreadSafe() from other threads");
        }
    }

    private static long saturatedNanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2; // ~146 years: "never", without overflowing deadline arithmetic
        }
    }

    private static void printToStandardError(String context, Throwable error) {
        System.err.println("event loop: " + context);
        error.printStackTrace();
    }
}
