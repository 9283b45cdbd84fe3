package paradigms.greenlets;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scalability: many virtual threads that all wait at the same time.
 *
 * <p>Each thread first checks in at a latch and waits there until all have checked in — so at
 * that moment every one of them is alive and waiting — and then sleeps. A parked virtual thread
 * is a small object on the heap (its few stack frames), not an OS thread: 100,000 of them fit
 * in a few hundred megabytes, run by as many carriers as there are cores.
 */
final class Waiters {

    private Waiters() {
    }

    /**
     * @param alive     how many threads checked in
     * @param sawAll    how many saw every thread checked in before they went on: all of them
     *                  were alive at once when this equals {@code alive}
     * @param completed how many finished their wait
     */
    record Outcome(int alive, int sawAll, int completed) {
    }

    /**
     * Starts {@code threads} virtual threads; each waits at the latch for the others (giving up
     * after {@code patience}) and then sleeps for {@code each}. Returns when all have finished.
     */
    static Outcome waitAtOnce(int threads, Duration each, Duration patience) throws InterruptedException {
        var checkedIn = new CountDownLatch(threads);
        var alive = new AtomicInteger();
        var sawAll = new AtomicInteger();
        var completed = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                executor.submit(() -> {
                    alive.incrementAndGet();
                    checkedIn.countDown();
                    if (checkedIn.await(patience.toNanos(), TimeUnit.NANOSECONDS)) {
                        sawAll.incrementAndGet(); // at this moment all the threads exist and none has finished
                    }
                    Thread.sleep(each); // the lesson: the wait itself, which costs no OS thread
                    completed.incrementAndGet();
                    return null;
                });
            }
        } // close() waits for all of them
        return new Outcome(alive.get(), sawAll.get(), completed.get());
    }
}
