package paradigms.greenlets;

import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code waiters} exercise: one virtual thread per waiting task, each parked in
 * {@code Thread.sleep}. A parked virtual thread is an object on the heap — the thread, its
 * few stack frames copied into a stack chunk, a timer entry — not an OS thread; the two
 * carriers run whatever is ready and are idle while everyone sleeps.
 *
 * <p><b>How far N goes.</b> There is no thread limit to hit: the limit is heap, and the time
 * it takes to create and wake the threads. Heap histograms ({@code jcmd <pid>
 * GC.class_histogram}) taken while 250,000 of these tasks waited showed 645–666 MB in use,
 * 2.6–2.7 KB per task: two stack chunks (a parked thread's frames, copied to the heap; two
 * because each task parks twice, at the gate and in the sleep, and frames are copied back
 * lazily, only when the code returns into them) 1.8–2.1 KB; the {@code VirtualThread} 168
 * bytes; its sleep's timer entry 72 bytes; the continuation, the executor's bookkeeping, the
 * lambda and the trace span the rest. A thread that parks only once holds one chunk, about
 * 1.1 KB in all. The capacity follows the heap: {@link #BYTES_PER_TASK} (4,000, the measured
 * 2.7 KB and half as much again) per task, so this module's test JVM ({@code -Xmx1g}) takes
 * about 268,000 with a third of its heap to spare, and the main job's {@code --full} JVM (8 GB)
 * takes the cap, {@link #MAX_TASKS}; 500,000 once completed in 1 GB, but with the
 * heap about 90 % full after collection — too close to call a capacity. Creating and waking
 * the threads took seconds per 100,000 on this machine kind's two (shared) cores. The
 * measured figures, and the command that reproduces them: results/README.md, case.waiters.greenlets.
 *
 * <p><b>All N wait at once.</b> Creating hundreds of thousands of threads takes longer than a
 * 1 s wait, so, as in the threading chapter, each task first parks at a start gate and
 * sleeps its D only when the caller opens the gate, once every thread exists. A task counts as
 * waiting from the moment it runs: parked at the gate or asleep, it is a parked virtual thread
 * either way, and it waits at least D.
 *
 * <p><b>Why the gate is a {@link Phaser}</b> (one party, the caller, whose {@code arrive}
 * opens it; the tasks wait for phase 0 to end without registering, so there is no limit of
 * 65,535 parties): its {@code arrive} unparks every waiter from the caller's thread. A
 * {@code CountDownLatch} wakes its waiters in a chain, each woken thread waking the next, so
 * the last of N would start its wait a chain's length after the first.
 *
 * <p><b>Threads:</b> N virtual threads from a thread-per-task executor, and no {@code Future}
 * per task: {@code execute}, not {@code submit}, because at this scale every object per task
 * counts. A task's unexpected failure is kept and rethrown by the caller; the caller starts
 * the tasks, opens the gate, and waits in the executor's {@code close()}.
 */
final class Waiters implements WaitersExercise {

    /** Heap one waiting task may take: the measured 2.7 KB and half as much again. */
    static final long BYTES_PER_TASK = 4_000;

    /** The most tasks one call accepts whatever the heap: past it, starting and waking them takes minutes on two cores. */
    static final int MAX_TASKS = 2_000_000;

    /** The capacity this JVM's heap allows; see the class comment for the figures behind it. */
    static Capacity capacityFor(long maxHeapBytes) {
        int tasks = (int) Math.max(1, Math.min(MAX_TASKS, maxHeapBytes / BYTES_PER_TASK));
        return new Capacity(tasks, "heap: a task parked at the start gate and then asleep holds about 2.7 KB (an estimate) "
                + "(its stack chunks, the thread, its timer); at 4 KB a task with margin, this JVM's "
                + maxHeapBytes / (1024 * 1024) + " MB heap takes " + String.format("%,d", tasks)
                + (tasks == MAX_TASKS ? " (the cap: past it, starting and waking them takes minutes on two cores)" : ""));
    }

    @Override
    public Capacity capacity() {
        return capacityFor(Runtime.getRuntime().maxMemory());
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        capacity().check(request); // before a single thread is made
        var tally = new WaitTally(request);
        var allStarted = new CountDownLatch(request.tasks()); // each task counts down; only the caller waits on it
        var gate = new Phaser(1);                              // one party, the caller: its arrive() opens the gate
        var failure = new AtomicReference<Throwable>();        // a task's unexpected exception, for the caller
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int task = 0; task < request.tasks(); task++) {
                    int id = task; // an int, not the span's name: at this scale every byte per task counts
                    threads.execute(() -> {
                        try {
                            long began = tally.begin(); // waiting from here: parked at the gate, then asleep
                            allStarted.countDown();
                            try (var waiting = trace.begin(SpanNames.waiting(id))) {
                                gate.awaitAdvanceInterruptibly(0); // parks until every thread exists
                                Thread.sleep(request.waitFor());   // parks again: a timer unparks it when D is over
                            }
                            tally.end(began);
                        } catch (InterruptedException cancelled) {
                            // shutdownNow below: the call failed; just end
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                allStarted.await();
                gate.arrive(); // phase 0 ends: every parked task is unparked, by this thread
            } catch (Throwable e) {
                // A thread that could not be made (out of memory), or the caller interrupted: wake
                // everything parked at the gate or asleep, so that close() does not wait for a
                // gate that will never open.
                threads.shutdownNow();
                throw e;
            }
        } // close(): waits until every task has finished its wait
        if (failure.get() != null) {
            throw new IllegalStateException("a waiting task failed", failure.get());
        }
        return tally.result();
    }
}
