package paradigms.threading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A shared counter kept exact four ways, the lesson beside the {@code counter} exercise: a
 * {@code ReentrantLock} around {@code count++}, a {@code synchronized} method, an
 * {@code AtomicLong} (one compare-and-set per increment) and a {@code LongAdder} (a cell per
 * contending thread, summed when read). Every one of them counts exactly when several threads
 * increment at once; {@code count++} on a plain field would not, since it is a read and a write
 * that another thread can slip between.
 *
 * <p>What each way costs in nanoseconds, alone and contended, is measured by JMH in compare
 * ({@code paradigms.compare.jmh.LockCost}; command in compare's README): a figure, not a lesson
 * to assert.
 */
public final class ExactCounters {

    /** One way to keep a counter: how to add one, and how to read the total at the end. */
    private interface Counter {
        void increment();

        long total();
    }

    /** The exact ways, by name, in the order they are reported. */
    static Map<String, Supplier<Counter>> variants() {
        Map<String, Supplier<Counter>> variants = new LinkedHashMap<>();
        variants.put("ReentrantLock", LockedCounter::new);
        variants.put("synchronized", SynchronizedCounter::new);
        variants.put("AtomicLong", () -> new Counter() {
            private final AtomicLong count = new AtomicLong();

            public void increment() {
                count.incrementAndGet();
            }

            public long total() {
                return count.get();
            }
        });
        variants.put("LongAdder", () -> new Counter() {
            private final LongAdder count = new LongAdder(); // a cell per contending thread, summed at the end

            public void increment() {
                count.increment();
            }

            public long total() {
                return count.sum();
            }
        });
        return variants;
    }

    private static final class LockedCounter implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count; // guarded by lock

        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }

        public long total() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class SynchronizedCounter implements Counter {
        private long count; // guarded by this

        public synchronized void increment() {
            count++;
        }

        public synchronized long total() {
            return count;
        }
    }

    private ExactCounters() {
    }

    /**
     * Every variant's total after {@code threads} threads added {@code increments} each, all
     * started together at a phaser so that they really compete; by variant name, in
     * {@link #variants()}' order.
     */
    static Map<String, Long> count(int threads, int increments) throws InterruptedException {
        if (threads <= 0 || increments < 0) {
            throw new IllegalArgumentException("need threads > 0 and increments >= 0, was " + threads + " and " + increments);
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (var variant : variants().entrySet()) {
            Counter counter = variant.getValue().get();
            var start = new Phaser(threads + 1); // the workers and this thread: all go at once
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("exact-counter-" + t).start(() -> {
                    start.arriveAndAwaitAdvance();
                    for (int i = 0; i < increments; i++) {
                        counter.increment();
                    }
                }));
            }
            start.arriveAndAwaitAdvance();
            for (Thread worker : workers) {
                worker.join();
            }
            totals.put(variant.getKey(), counter.total());
        }
        return totals;
    }
}
