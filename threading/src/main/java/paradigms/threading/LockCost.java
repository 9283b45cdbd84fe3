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
 * What it costs to keep a shared counter exact, measured on this machine: nanoseconds per
 * increment, on one thread (no one competes: the price of the mechanism itself) and on two
 * threads that both increment all the time (the price of contention: the counter's cache line
 * travels between the cores, and a lock may park a thread). A benchmark main, not a test: it
 * prints figures and asserts no timing.
 *
 * <pre>
 *   java threading/src/main/java/paradigms/threading/LockCost.java [INCREMENTS_PER_THREAD]
 * </pre>
 * run from the repository root; it needs only the JDK, no build.
 *
 * <p><b>How it measures.</b> Each variant increments its counter {@code INCREMENTS_PER_THREAD}
 * times on each thread, all threads released together; the wall time divided by all the increments; the median of five rounds,
 * the variants interleaved within a round, after a warm-up round for the JIT. Every variant's
 * total is checked: a figure for a counter that lost updates would be a figure for nothing.
 * Teaching shortcut: a hand-rolled harness, not JMH — nanoseconds per operation over millions
 * of operations is coarse enough for that.
 */
public final class LockCost {

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

    private LockCost() {
    }

    public static void main(String[] args) throws Exception {
        int increments = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        System.out.printf("a shared counter kept exact: nanoseconds per increment, %,d increments per thread, median of 5 rounds%n",
                increments);
        System.out.printf("%-14s %12s %12s%n", "", "1 thread", "2 threads");
        for (int threads : new int[] {1, 2}) {
            measure(threads, increments / 5); // warm-up: the JIT compiles every variant first
        }
        Map<String, List<Double>> one = new LinkedHashMap<>();
        Map<String, List<Double>> two = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            measure(1, increments).forEach((name, nanos) -> one.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos));
            measure(2, increments).forEach((name, nanos) -> two.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos));
        }
        for (String name : one.keySet()) {
            System.out.printf("%-14s %9.1f ns %9.1f ns%n", name, median(one.get(name)), median(two.get(name)));
        }
    }

    /**
     * Nanoseconds per increment of every variant, each with {@code threads} threads adding
     * {@code increments} each, started together at a phaser.
     *
     * @throws IllegalStateException if a variant's total is not exactly threads × increments
     */
    static Map<String, Double> measure(int threads, int increments) throws InterruptedException {
        Map<String, Double> nanosPerIncrement = new LinkedHashMap<>();
        for (var variant : variants().entrySet()) {
            Counter counter = variant.getValue().get();
            var start = new Phaser(threads + 1); // the workers and this thread: all go at once
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("lock-cost-" + t).start(() -> {
                    start.arriveAndAwaitAdvance();
                    for (int i = 0; i < increments; i++) {
                        counter.increment();
                    }
                }));
            }
            start.arriveAndAwaitAdvance(); // returns once every worker is ready, as they start counting
            long begin = System.nanoTime();
            for (Thread worker : workers) {
                worker.join();
            }
            long elapsed = System.nanoTime() - begin;
            long expected = (long) threads * increments;
            if (counter.total() != expected) {
                throw new IllegalStateException(variant.getKey() + " counted " + counter.total() + " of " + expected);
            }
            nanosPerIncrement.put(variant.getKey(), (double) elapsed / expected);
        }
        return nanosPerIncrement;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
