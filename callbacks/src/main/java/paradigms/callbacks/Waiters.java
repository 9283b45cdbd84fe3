package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Timer;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

/**
 * {@code waiters} on the loop: a waiting task is one timer in the loop's heap, nothing more.
 * N tasks are N {@link EventLoop#callLater} calls; one thread — the caller's, which runs the
 * loop — holds them all, and the loop sleeps in {@code select} until the first is due.
 *
 * <p><b>What one waiting task is made of</b> (all on the heap, nothing in the kernel): the
 * {@link Timer} (deadline, sequence number, state, callback: 48 bytes), the {@code fire}
 * method reference the ready queue will hold (16), the task's lambda capturing the tally,
 * the trace and its start time (32), and a slot of the timer heap's array (4 to 6): about 100
 * bytes kept alive — 101 measured at 100,000, 1,000,000 and 5,000,000 tasks
 * (compare's {@code waiters} case measures it: results/README.md).
 *
 * <p><b>How far N goes, and what stops it.</b> No thread, no stack, no file descriptor per
 * task: what runs out first is <b>heap</b>. The capacity is computed from this JVM's maximum
 * heap at {@value #PEAK_BYTES_PER_TASK} bytes a task: the measured peak growth of the heap
 * during a run (130 to 160 bytes a task at one to five million, up to 190 at 100,000: the
 * kept-alive objects, the garbage of the heap's array as it grows, and the ready queue that
 * holds every due timer for a moment when they all fall due together), and about half as much
 * again. With the 1 GiB heap of this module's tests that allows 5.1 million, and 5,000,000 did
 * complete there (636 MB at the peak). Past {@value #MAX_TASKS} the <b>one loop thread</b> is
 * the limit even with heap to spare: it sets and fires every timer one after another, and a
 * binary heap of millions no longer fits the processor's caches — 5,000,000 took 8 s beyond
 * the wait with 1 GiB and with 4 GiB alike (1,000,000: 0.7 to 1.4 s). The answer there is a
 * timing wheel, not more heap.
 *
 * <p><b>All N wait at once.</b> Every timer is set before the loop runs, so no task can end
 * before the last one began ({@code tally.begin()} precedes the {@code callLater}). The loop's
 * deadline is computed after {@code begin}, and a timer never fires before its deadline
 * ({@code select} waits are rounded up), so no task wakes early either.
 *
 * <p><b>Threads:</b> the caller only. It sets the timers, runs the loop, and the loop returns
 * when the last timer has fired (no live timer left: no work).
 */
final class Waiters implements WaitersExercise {

    /** Heap one waiting task may need at the peak: 130 to 160 bytes measured at a million, and about half as much again. */
    static final int PEAK_BYTES_PER_TASK = 210;

    /** The most tasks one call accepts however large the heap: past it, the one loop thread is the limit. */
    static final int MAX_TASKS = 5_000_000;

    /** Runs on the loop thread once every timer is set, before the loop runs: the benchmark weighs the tasks there. */
    private final Runnable whenAllWait;

    Waiters() {
        this(() -> { });
    }

    Waiters(Runnable whenAllWait) {
        this.whenAllWait = whenAllWait;
    }

    /** What a JVM with this maximum heap allows; see the class comment. */
    static Capacity capacityFor(long maxHeapBytes) {
        int tasks = (int) Math.max(1, Math.min(MAX_TASKS, maxHeapBytes / PEAK_BYTES_PER_TASK));
        return new Capacity(tasks, "heap: a waiting task is one timer in the loop's heap, about 100 bytes kept alive (an estimate) and "
                + PEAK_BYTES_PER_TASK + " allowed at the peak, and this JVM's heap is " + (maxHeapBytes >> 20) + " MiB; above "
                + String.format("%,d", MAX_TASKS) + " the one loop thread that sets and fires every timer is the limit");
    }

    @Override
    public Capacity capacity() {
        return capacityFor(Runtime.getRuntime().maxMemory());
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) {
        capacity().check(request); // before a single timer is made
        var tally = new WaitTally(request);
        try (var loop = new EventLoop()) {
            for (int task = 0; task < request.tasks(); task++) {
                long began = tally.begin(); // before callLater reads the clock: the timer's deadline is at least began + D
                loop.callLater(request.waitFor(), () -> {
                    try (var waking = trace.begin(SpanNames.WAIT_OVER)) {
                        tally.end(began);
                    }
                });
            }
            whenAllWait.run();
            loop.run(); // returns when the last timer has fired
        }
        return tally.result();
    }
}
