package paradigms.threading;

import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code counter} on platform threads: K tasks on their own threads, each doing
 * read – suspend – write on one {@link SharedCounter}, with a lock around all three steps.
 *
 * <p><b>Why the lock is needed here</b> (and is not in the event-loop chapters): the kernel may
 * switch threads between <em>any</em> two instructions, and two threads run on two cores at the
 * same moment, so without the lock another task can read the same value between this task's
 * read and its write; then both write "value + 1" and one increment is lost. The lock makes the
 * three steps one: a second task that wants to read parks in {@code lock()} until the first has
 * written and unlocked. ({@link SharedCounter} makes each single read or write whole and
 * visible — it records them for the contract — but never the pair: that is the lock's job.)
 *
 * <p><b>The suspension</b> between read and write is {@link Thread#yield()} by default: a
 * thread cannot suspend <em>itself</em> until a chosen moment the way a coroutine yields to its
 * loop; it can only offer the core ({@code sched_yield}), and the kernel may take it away
 * anywhere anyway. A sleep would do as well, but every increment holds the lock, so K × M
 * sleeps of at least ~50 µs each (Linux's default timer slack) would run one after another — a
 * quarter of a second for the contract's 5,000 increments, all of it spent holding the lock. The lesson tests pass
 * their own suspension, to force a chosen interleaving.
 *
 * <p><b>TEACHING DEMO:</b> {@link #withoutLock} is the same code without the lock. It loses
 * updates; {@code CounterLostUpdateTest} makes it lose an exact number.
 *
 * <p><b>Threads:</b> {@code counter-1 … counter-T}, T = min(K, {@value #MAX_THREADS}). Above
 * that, tasks queue for a thread: with a lock around every increment only one runs at a time
 * anyway, and a request for a million tasks must not make a million threads. The caller blocks
 * on the futures; {@link Future#get} is also the happens-before edge that lets it read the total.
 */
final class Counter implements CounterExercise {

    static final int MAX_THREADS = 64;

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
        try (ExecutorService workers = Threads.fixedPool("counter", Math.min(request.tasks(), MAX_THREADS))) {
            List<Future<Void>> tasks = new ArrayList<>(request.tasks());
            for (int task = 0; task < request.tasks(); task++) {
                int id = task;
                String name = SpanNames.task(task);
                tasks.add(workers.submit(() -> {
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
            for (Future<Void> task : tasks) {
                Threads.await(task);
            }
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /** The correct increment: no other task can read between this read and this write. */
    private void incrementUnderLock(int task, SharedCounter counter, ReentrantLock lock) throws InterruptedException {
        lock.lock();
        try {
            long read = counter.read(task);
            suspension.suspend();        // the lock stays held: another task that wants it parks meanwhile
            counter.write(task, read + 1);
        } finally {
            lock.unlock();
        }
    }

    /** TEACHING DEMO: the same increment with nothing around it. */
    private void incrementUnguarded(int task, SharedCounter counter) throws InterruptedException {
        long read = counter.read(task);
        suspension.suspend();            // another task may read the same value now...
        counter.write(task, read + 1);         // ...and then this write overwrites its increment
    }
}
