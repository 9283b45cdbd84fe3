package paradigms.greenlets;

import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code counter} exercise: one virtual thread per task, each increment read – suspend –
 * write on one {@link SharedCounter}, all three steps under one {@link ReentrantLock}.
 *
 * <p><b>Why the lock is needed</b> — "virtual threads are co-operative underneath" does not
 * make them safe. Two reasons, either enough: they run <em>in parallel</em>, one on each
 * carrier, so two tasks can read the same value at the same instant with nothing suspended at
 * all; and the suspension between read and write is a switching point by design — the task
 * leaves its carrier there and any other task may run and read. Without the lock both write
 * "value + 1" and one increment is lost ({@code CounterLostUpdateTest} loses an exact number).
 * The lock makes the three steps one. ({@link SharedCounter} makes each single read or write
 * whole and visible — it records them for the contract — but never the pair.)
 *
 * <p><b>The suspension</b> is {@link Thread#yield()} by default, and on a virtual thread that
 * is a real suspension: the continuation yields, the carrier goes back to the scheduler and
 * may run another virtual thread before this one is mounted again — as close to a
 * coroutine's "yield to the loop" as Java has. (A sleep would do too, but every sleep is spent
 * holding the lock: 5,000 of them, one after another.) The lesson tests pass their own
 * suspension, to force a chosen interleaving.
 *
 * <p><b>Why {@code ReentrantLock} and not {@code synchronized}.</b> On this JDK either is
 * correct and neither pins: since JDK 24 (JEP 491) a virtual thread that yields or parks
 * inside {@code synchronized}, or blocks entering it, unmounts like any other. Before that it
 * pinned its carrier — on JDK 21–23 the tasks queueing for the monitor would each hold one —
 * so {@code java.util.concurrent} locks were the rule for virtual threads, and much code still
 * follows it. Here the lock also keeps the code the same as the threading chapter's, so that
 * the two differ only in where their threads come from.
 *
 * <p><b>TEACHING DEMO:</b> {@link #withoutLock} is the same code without the lock.
 *
 * <p><b>Threads:</b> one virtual thread per task, all K at once — no pool to size: a task
 * waiting for the lock is a parked virtual thread, which costs a little heap. The caller
 * waits on their futures, which is also the happens-before edge that lets it read the total.
 */
final class Counter implements CounterExercise {

    /** What a task does between reading the counter and writing it back. */
    @FunctionalInterface
    interface Suspension {
        void suspend() throws InterruptedException;
    }

    private final boolean locked;
    private final Suspension suspension;

    private Counter(boolean locked, Suspension suspension) {
        this.locked = locked;
        this.suspension = suspension;
    }

    /** The exercise: a lock around read – yield – write. Exact. */
    Counter() {
        this(true, Thread::yield);
    }

    static Counter withLock(Suspension suspension) {
        return new Counter(true, suspension);
    }

    /** TEACHING DEMO: no lock. Loses updates whenever two tasks overlap between read and write. */
    static Counter withoutLock(Suspension suspension) {
        return new Counter(false, suspension);
    }

    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) throws InterruptedException {
        var lock = new ReentrantLock(); // guards counter: every read and write of it happens under this lock
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> tasks = new ArrayList<>(request.tasks());
            for (int task = 0; task < request.tasks(); task++) {
                int id = task;
                String name = SpanNames.task(task);
                tasks.add(threads.submit(() -> {
                    try (var running = trace.begin(name)) {
                        for (int i = 0; i < request.incrementsPerTask(); i++) {
                            if (locked) {
                                incrementUnderLock(id, counter, lock);
                            } else {
                                incrementUnguarded(id, counter);
                            }
                        }
                    }
                    return null;
                }));
            }
            Tasks.joinAll(threads, tasks);
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /** The correct increment: no other task can read between this read and this write. */
    private void incrementUnderLock(int task, SharedCounter counter, ReentrantLock lock) throws InterruptedException {
        lock.lock(); // parks (unmounted) while another task holds it
        try {
            long read = counter.read(task);
            suspension.suspend();        // this task leaves its carrier, still holding the lock
            counter.write(task, read + 1);
        } finally {
            lock.unlock();
        }
    }

    /** TEACHING DEMO: the same increment with nothing around it. */
    private void incrementUnguarded(int task, SharedCounter counter) throws InterruptedException {
        long read = counter.read(task);
        suspension.suspend();            // another task may run and read the same value now...
        counter.write(task, read + 1);         // ...and then this write overwrites its increment
    }
}
