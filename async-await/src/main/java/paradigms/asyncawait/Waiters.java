package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code waiters} with futures: a waiting task is a pending future and a timer, nothing more —
 * no thread per task. One timer thread of the call's own holds all N timers and, when each
 * fires, completes its future and runs the task's last step ({@code tally.end}).
 *
 * <p><b>What one waiting task is made of</b> (all on the heap): its wake-up future, the
 * {@code thenRun} step hung on it (and the future that step completes), the lambda of that
 * step, and its timer in the scheduler's queue (a {@code ScheduledFutureTask} and the lambda it
 * runs). Nothing else: the caller does not gather N futures with {@code allOf} — a tree of N
 * more nodes — but counts the tasks down, and the last one to end completes {@code allEnded}.
 * (Measured: about 200 bytes kept alive per task and 270 at the peak, garbage included;
 * compare's waiters case measures it: results/README.md.)
 *
 * <p><b>How far N goes, and what stops it.</b> Nothing here runs out the way threads or
 * processes do: no kernel object per task, no stack. What runs out is <b>heap</b>. So the
 * capacity is computed from this JVM's maximum heap, at {@value #PEAK_BYTES_PER_TASK} bytes a
 * task (the measured peak, and a margin): on this 24 GiB machine kind the default heap is
 * 6 GiB (a quarter of the memory), which allows the full {@value #MAX_TASKS}; a JVM given 1 GiB
 * gets about 2.7 million. Past {@value #MAX_TASKS} the <b>one timer thread</b> is the limit
 * even with heap to spare: it arms and fires every timer one after another — the answer there
 * is several schedulers, or a timing wheel, not more heap.
 *
 * <p><b>All N wait at once.</b> Two passes: first every task is made — its wake-up future with
 * its last step attached — and counted as waiting ({@code tally.begin}); then every timer is
 * armed. Arming a million timers takes longer than a short wait, so arming each task's timer as
 * it was made would let the first tasks end before the last existed, and fewer than N would
 * ever wait at the same moment. A task waits from its making until its timer fires: at least D.
 *
 * <p><b>Why our own scheduler and not {@code CompletableFuture.delayedExecutor} or
 * {@code completeOnTimeout}:</b> those put their timers in the JVM-wide delay scheduler of the
 * common {@code ForkJoinPool} (JDK 25) — a million timers in a scheduler that the rest of the
 * JVM shares and the call cannot close (and {@code delayedExecutor} then hands every task to
 * the common pool). Ours is made and closed by the call, and its thread both fires a timer and
 * runs the step after it.
 *
 * <p><b>Threads:</b> the caller (makes the tasks, arms the timers, blocks once in
 * {@link Futures#await}); {@code waiters-timer} (fires the timers and runs each task's end).
 */
final class Waiters implements WaitersExercise {

    /** Heap a waiting task needs at the peak, garbage included: about 270 bytes measured, and a margin. */
    static final int PEAK_BYTES_PER_TASK = 400;

    /** The most tasks one call accepts however large the heap: past it, the one timer thread is the limit. */
    static final int MAX_TASKS = 10_000_000;

    /** What this JVM's heap allows; see the class comment. */
    static Capacity capacityFor(long maxHeapBytes) {
        int tasks = (int) Math.max(1, Math.min(MAX_TASKS, maxHeapBytes / PEAK_BYTES_PER_TASK));
        return new Capacity(tasks, "heap: a waiting task is a pending future and a timer, about 200 bytes kept alive (an estimate) and "
                + PEAK_BYTES_PER_TASK + " allowed at the peak, and this JVM's heap is " + (maxHeapBytes >> 20) + " MiB; above "
                + String.format("%,d", MAX_TASKS) + " the one timer thread that arms and fires them all is the limit");
    }

    /** Runs on the caller's thread once every timer is armed; the demo measures memory there. */
    private final Runnable whenAllWait;

    Waiters() {
        this(() -> { });
    }

    /** With a probe that runs while all N tasks wait: {@code Demo} uses it to weigh them. */
    Waiters(Runnable whenAllWait) {
        this.whenAllWait = whenAllWait;
    }

    @Override
    public Capacity capacity() {
        return capacityFor(Runtime.getRuntime().maxMemory());
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        capacity().check(request); // before a single future is made
        var tally = new WaitTally(request);
        var allEnded = new CompletableFuture<Void>();
        var stillWaiting = new AtomicInteger(request.tasks());
        try (ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("waiters-timer").factory())) {
            // Pass 1: every task, waiting from here, its last step hung on its wake-up.
            List<CompletableFuture<Void>> wakeUps = new ArrayList<>(request.tasks());
            for (int task = 0; task < request.tasks(); task++) {
                long began = tally.begin();
                var wakeUp = new CompletableFuture<Void>();
                wakeUp.thenRun(() -> { // on waiters-timer: the thread that completes the wake-up
                    try (var waking = trace.begin(SpanNames.WAIT_OVER)) {
                        tally.end(began);
                    }
                    if (stillWaiting.decrementAndGet() == 0) {
                        allEnded.complete(null);
                    }
                });
                wakeUps.add(wakeUp);
            }
            // Pass 2: all N exist and wait; now their timers.
            long delay = request.waitFor().toNanos();
            for (CompletableFuture<Void> wakeUp : wakeUps) {
                timer.schedule(() -> wakeUp.complete(null), delay, TimeUnit.NANOSECONDS);
            }
            wakeUps = null; // from here the timers hold the tasks: nothing else need keep them alive
            whenAllWait.run();
            Futures.await(allEnded, timer::shutdownNow);
        } // close(): the queue is empty by now, and the timer thread ends
        return tally.result();
    }
}
