package paradigms.threading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise {@code racing-increments}: T threads each add one to a shared counter M times, with
 * nothing forcing the bad interleaving — once on a {@code volatile long} with {@code count++},
 * once on an {@link AtomicLong}.
 *
 * <p>{@code volatile} makes every single read and every single write visible to the other
 * threads, but {@code count++} is still a read and then a write: two threads that read the same
 * value both write that value plus one, and one increment is lost. How many are lost depends on
 * how often the threads' read–write pairs overlap, so it changes from run to run.
 * {@link AtomicLong#incrementAndGet()} makes the pair one indivisible step (a compare-and-set
 * that retries when another thread got in between): never a loss.
 *
 * <p><b>Threads:</b> each call starts T platform threads, {@code racer-1 … racer-T}, lets them
 * go together through a latch (so that they really race), and joins them all before it reads the
 * total; {@link Thread#join()} is the happens-before edge that makes the final value visible.
 */
final class RacingIncrements {

    private RacingIncrements() {
    }

    /** A counter nothing guards but {@code volatile}. */
    private static final class VolatileCounter {
        volatile long count; // written by every racer; each read and write is whole, the pair is not
    }

    /**
     * Runs {@code threads} threads that each do {@code counter.count++} {@code increments} times;
     * returns the final count, at most {@code threads × increments}.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or {@code increments < 0}
     */
    static long unguarded(int threads, int increments) throws InterruptedException {
        check(threads, increments);
        var counter = new VolatileCounter();
        race(threads, () -> {
            for (int i = 0; i < increments; i++) {
                counter.count++; // read, then write: another racer may write in between
            }
        });
        return counter.count;
    }

    /**
     * The same race on an {@link AtomicLong}: returns exactly {@code threads × increments}.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or {@code increments < 0}
     */
    static long atomic(int threads, int increments) throws InterruptedException {
        check(threads, increments);
        var counter = new AtomicLong();
        race(threads, () -> {
            for (int i = 0; i < increments; i++) {
                counter.incrementAndGet(); // read and write as one step
            }
        });
        return counter.get();
    }

    private static void check(int threads, int increments) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (increments < 0) {
            throw new IllegalArgumentException("increments must not be negative, was " + increments);
        }
    }

    /** Starts the racers, opens the gate once all are up, and joins them all. */
    private static void race(int threads, Runnable work) throws InterruptedException {
        var go = new CountDownLatch(1);
        List<Thread> racers = new ArrayList<>(threads);
        for (int t = 1; t <= threads; t++) {
            racers.add(Thread.ofPlatform().name("racer-" + t).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return; // the caller was interrupted and is tearing the race down
                }
                work.run();
            }));
        }
        go.countDown();
        try {
            for (Thread racer : racers) {
                racer.join();
            }
        } catch (InterruptedException e) {
            racers.forEach(Thread::interrupt); // a racer mid-loop runs to its end; none is left parked
            throw e;
        }
    }
}
