package paradigms.compare.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What keeping a shared counter exact costs per increment, the four ways of the threading
 * chapter's {@code ExactCounters}: alone ({@link Alone}, one thread: the price of the mechanism)
 * and contended ({@link Contended}, two threads incrementing the one counter all the time: the
 * counter's cache line travels between the cores, a lock may park a thread).
 *
 * <p>JMH runs every benchmark method once per subclass, with that subclass's thread count; the
 * state is shared by the threads ({@code Scope.Benchmark}), so they compete for it. Each method
 * returns nothing the JIT could throw away: the increment writes shared state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class LockCost {

    private final ReentrantLock lock = new ReentrantLock();
    private long lockedCount; // guarded by lock
    private long synchronizedCount; // guarded by this
    private final AtomicLong atomic = new AtomicLong();
    private final LongAdder adder = new LongAdder(); // a cell per contending thread, summed when read

    @Benchmark
    public void reentrantLock() {
        lock.lock();
        try {
            lockedCount++;
        } finally {
            lock.unlock();
        }
    }

    @Benchmark
    public void synchronizedMethod() {
        incrementSynchronized();
    }

    private synchronized void incrementSynchronized() {
        synchronizedCount++;
    }

    @Benchmark
    public long atomicLong() {
        return atomic.incrementAndGet();
    }

    @Benchmark
    public void longAdder() {
        adder.increment();
    }

    /** One thread: nobody competes. */
    @Threads(1)
    public static class Alone extends LockCost {
    }

    /** Two threads on the one counter, all the time (this machine kind has two cores). */
    @Threads(2)
    public static class Contended extends LockCost {
    }
}
