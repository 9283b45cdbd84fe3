package paradigms.threading;

import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.threading.threads.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;

/**
 * {@code waiters} on platform threads: one thread per waiting task, each blocked in
 * {@code Thread.sleep} — a kernel timer per thread, no CPU while it waits.
 *
 * <p><b>How far N goes.</b> Each task costs a whole platform thread: a kernel task (and with
 * it a process id), a 1 MiB stack reserved in address space (tens of KiB of it really
 * touched), and some 50–500 µs to create and start. The hard limit is the number of process
 * ids: on this machine kind the kernel hands out at most 32,768 ({@code pid_max}), shared with
 * every other process, and the JVM fails with "unable to create native thread" around 32,000.
 * This chapter declares {@link #MAX_TASKS} = 10,000: a third of the hard limit, so the rest of
 * the JVM and the other processes on a shared machine keep their share, and starting and ending
 * them all takes seconds, not the minute that tearing down 32,000 took. Virtual threads (the
 * greenlets chapter) hold a million sleeping tasks on the same machine kind.
 *
 * <p><b>All N wait at once.</b> Starting N threads takes N × 0.1–1 ms, seconds for 10,000: longer
 * than a short wait. So that no task is done before the last has begun, each task, once its
 * thread is up, first parks at a start gate and sleeps its D only when the gate opens — and the
 * caller opens it when all N threads exist. A task counts as waiting from the moment its thread
 * is up: parked at the gate, then asleep, it is a blocked thread either way, and it waits at
 * least D. (Counting only from the gate's opening would make the count depend on how fast
 * 10,000 threads can be woken on two busy cores — over a second here — not on whether they can
 * all wait.)
 *
 * <p><b>Why the gate is a {@link Phaser} and not a {@code CountDownLatch}:</b> a latch wakes
 * its waiters in a chain — the first woken thread wakes the second, and so on — so the last of
 * 10,000 began its sleep seconds after the first on this busy 2-core machine (4.3 s in one
 * trial). A phaser's {@code arrive} unparks every waiter from the one thread that opens it:
 * one system call each, no chain.
 *
 * <p><b>Threads:</b> {@code waiter-1 … waiter-N}, one per task, made by a thread-per-task
 * executor; the caller starts them, opens the gate and blocks on their futures.
 */
final class Waiters implements WaitersExercise {

    /** The most tasks one call accepts; see the class comment for why this number. */
    static final int MAX_TASKS = 10_000;

    private static final Capacity CAPACITY = new Capacity(MAX_TASKS,
            "one platform thread per task: a process holds at most about 32,000 (the pid limit, then "
                    + "\"unable to create native thread\"), each reserves a 1 MiB stack and takes roughly 0.1-1 ms to start (estimates); "
                    + "10,000 leaves room for the rest of the machine");

    @Override
    public Capacity capacity() {
        return CAPACITY;
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
        CAPACITY.check(request); // before a single thread is made
        var tally = new WaitTally(request);
        var allStarted = new CountDownLatch(request.tasks()); // each thread counts down; only the caller waits on it
        var gate = new Phaser(1);                              // one party, the caller: its arrive() opens the gate
        try (ExecutorService waiters = Threads.perTask("waiter")) {
            try {
                List<Future<Void>> tasks = new ArrayList<>(request.tasks());
                for (int task = 0; task < request.tasks(); task++) {
                    String name = SpanNames.waiting(task);
                    tasks.add(waiters.submit(() -> {
                        long began = tally.begin(); // waiting from here: parked at the gate, then asleep
                        allStarted.countDown();
                        try (var waiting = trace.begin(name)) {
                            gate.awaitAdvanceInterruptibly(0); // until every thread exists
                            Thread.sleep(request.waitFor());   // the task's wait: the kernel wakes this thread when it is over
                        }
                        tally.end(began);
                        return null;
                    }));
                }
                allStarted.await();
                gate.arrive(); // phase 0 ends: every parked thread is unparked, by this thread
                for (Future<Void> task : tasks) {
                    Threads.await(task);
                }
            } finally {
                // On the normal path every task is done and this does nothing. On a failure (a
                // thread that could not be created, the caller interrupted) it interrupts every
                // thread still parked at the gate or asleep, so that close() returns at once
                // instead of waiting for a gate that will never open.
                waiters.shutdownNow();
            }
        }
        return tally.result();
    }
}
