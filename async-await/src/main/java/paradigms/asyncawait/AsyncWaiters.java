package paradigms.asyncawait;

import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.Waiters;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code waiters} with futures: a waiting task is a pending future and a timer, nothing more —
 * no thread per task. One timer thread of the call's own holds all N timers and, when each
 * fires, completes its future and runs the task's last step ({@code tally.end}).
 *
 * <p><b>What one waiting task is made of</b> (all on the heap): the future of
 * {@link Futures#sleep}, its timer task in the scheduler's queue (a {@code ScheduledFutureTask}
 * and the lambda it runs), the {@code thenRun} step and the future it completes, the step that
 * hangs it on the start gate, its share of the {@code allOf} tree the caller waits on — about
 * 280 bytes kept alive per task, measured at 100,000 to 10,000,000 tasks (chapter README,
 * "Measured").
 *
 * <p><b>How far N goes, and what stops it.</b> Nothing here runs out the way threads or
 * processes do: no kernel object per task, no stack. What runs out is <b>heap</b>: 280 bytes
 * a task kept alive, and about 480 at the peak, garbage included (10,000,000 tasks: 2.7 GB kept,
 * 4.5 GB peak). So the capacity is computed from this JVM's maximum heap, at
 * {@value #PEAK_BYTES_PER_TASK} bytes a task (the measured peak and a quarter more): on this
 * 24 GiB machine kind the default heap is 6 GiB (a quarter of the memory), which allows over
 * ten million; a JVM given 1 GiB gets about 1.8 million. Past {@value #MAX_TASKS} the
 * <b>one timer thread</b> is the limit even with heap to spare: it arms and fires every timer
 * one after another, and ten million took 19 s beyond the wait on a quiet 2-core machine — the
 * answer there is several schedulers, or a timing wheel, not more heap.
 *
 * <p><b>All N wait at once.</b> The tasks are created first, each hanging on one start gate —
 * a pending future — and counted as waiting from that moment ({@code tally.begin}); the caller
 * then completes the gate, and that one completion arms every task's timer, on the caller's
 * thread. Without the gate, the first timers armed would fire while later tasks did not exist
 * yet (arming a million takes longer than a short wait), and fewer than N would ever wait at
 * the same moment. A task waits at the gate and then on its timer: at least D either way.
 *
 * <p><b>Why our own scheduler and not {@code CompletableFuture.delayedExecutor}:</b> that one
 * puts its timers in the JVM-wide delay scheduler of the common {@code ForkJoinPool} (JDK 25)
 * and then hands every task to the common pool — a million tasks queued on a pool that the rest
 * of the JVM shares, and a scheduler the call cannot close. Ours is made and closed by the call,
 * and its thread both fires a timer and runs the step after it.
 *
 * <p><b>Threads:</b> the caller (creates the tasks, opens the gate, blocks once in
 * {@link Futures#await}); {@code waiters-timer} (fires the timers and runs each task's end).
 */
final class AsyncWaiters implements Waiters {

    /** Heap a waiting task needs at the peak, garbage included: 477 bytes measured, and a quarter more. */
    static final int PEAK_BYTES_PER_TASK = 600;

    /** The most tasks one call accepts however large the heap: past it, the one timer thread is the limit. */
    static final int MAX_TASKS = 10_000_000;

    /** What this JVM's heap allows; see the class comment. */
    static Capacity capacityFor(long maxHeapBytes) {
        int tasks = (int) Math.max(1, Math.min(MAX_TASKS, maxHeapBytes / PEAK_BYTES_PER_TASK));
        return new Capacity(tasks, "heap: a waiting task is a pending future and a timer, about 280 bytes kept alive and "
                + PEAK_BYTES_PER_TASK + " allowed at the peak, and this JVM's heap is " + (maxHeapBytes >> 20) + " MiB; above "
                + String.format("%,d", MAX_TASKS) + " the one timer thread that arms and fires them all is the limit");
    }

    /** Runs on the caller's thread once every timer is armed; the demo measures memory there. */
    private final Runnable whenAllWait;

    AsyncWaiters() {
        this(() -> { });
    }

    /** With a probe that runs while all N tasks wait: {@code Demo} uses it to weigh them. */
    AsyncWaiters(Runnable whenAllWait) {
        this.whenAllWait = whenAllWait;
    }

    @Override
    public Capacity capacity() {
        return capacityFor(Runtime.getRuntime().maxMemory());
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        capacity().check(request); // before a single future is made
        var tally = new WaitTally(request.waitFor());
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("waiters-timer").factory())) {
            var gate = new CompletableFuture<Void>();
            CompletableFuture<?>[] tasks = new CompletableFuture<?>[request.tasks()];
            for (int task = 0; task < tasks.length; task++) {
                long began = tally.begin(); // waiting from here: at the gate, then on its timer
                tasks[task] = gate
                        .thenCompose(open -> Futures.sleep(request.waitFor(), timer))
                        .thenRun(() -> {
                            try (var waking = trace.begin("wake")) { // on waiters-timer: the thread that fired the timer
                                tally.end(began);
                            }
                        });
            }
            gate.complete(null); // runs every task's thenCompose here, on this thread: N timers armed
            whenAllWait.run();
            Futures.await(CompletableFuture.allOf(tasks), timer::shutdownNow);
        } // close(): the queue is empty by now, and the timer thread ends
        return tally.result();
    }
}
