package paradigms.threading;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * What one platform thread costs, shown by the chapter's {@code Demo}: time to create, start
 * and finish one, and memory while it waits. It prints and asserts no timing; the figures the
 * course reports come from compare ({@code --bench thread-cost}, with warm-ups, repeats and
 * medians, beside a virtual thread and a child JVM).
 *
 * <p><b>How it measures.</b> Time: start {@code THREADS} threads that do nothing, one after
 * another, then join them all; the wall time divided by {@code THREADS} (best of three rounds,
 * after a warm-up round). Memory: start {@code THREADS} threads that all park on one latch, so
 * that they are alive at the same moment, and read the process's resident set size (Linux:
 * {@code VmRSS} in {@code /proc/self/status}) before and while they wait; the difference divided
 * by {@code THREADS}. Only the pages a thread really touched count there; the stack it
 * <em>reserves</em> ({@code -Xss}, JVM option {@code ThreadStackSize}) is address space, and is
 * printed apart.
 *
 * <p>Why not 30,000 threads: a process here cannot hold many more than about 32,000, and
 * tearing that many down takes a minute. A few thousand show the per-thread figures well enough.
 */
public final class ThreadCost {

    /**
     * @param threads        how many threads each measurement used
     * @param startAndFinish wall time to create, start and join one thread that does nothing
     * @param residentBytes  resident memory per waiting thread; empty where the OS does not tell
     * @param stackReserveKb the stack each thread reserves (address space, not memory in use)
     * @param aliveAtOnce    how many of the measured threads were alive at the same moment
     */
    record Figures(int threads, Duration startAndFinish, OptionalLong residentBytes, long stackReserveKb,
                          int aliveAtOnce) {
    }

    private ThreadCost() {
    }

    static void print(Figures figures) {
        System.out.printf("platform threads measured: %,d (all %,d alive at once while parked)%n",
                figures.threads(), figures.aliveAtOnce());
        System.out.printf("  create + start + join one thread: %.1f µs%n", figures.startAndFinish().toNanos() / 1e3);
        System.out.printf("  resident memory per parked thread: %s%n", figures.residentBytes().isPresent()
                ? String.format("%.1f KiB", figures.residentBytes().getAsLong() / 1024.0)
                : "not available on this OS");
        System.out.printf("  stack reserved per thread (-Xss): %,d KiB of address space%n", figures.stackReserveKb());
    }

    static Figures measure(int threads) throws InterruptedException {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        startAndFinish(threads); // warm-up: class loading, JIT
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            best = Math.min(best, startAndFinish(threads));
        }
        Parked parked = parkAll(threads);
        return new Figures(threads, Duration.ofNanos(best / threads), parked.residentBytes(), stackReserveKb(),
                parked.aliveAtOnce());
    }

    /** Nanoseconds to create, start and join {@code threads} threads that do nothing. */
    private static long startAndFinish(int threads) throws InterruptedException {
        List<Thread> started = new ArrayList<>(threads);
        long begin = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().name("cost-", i).start(() -> { }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        return System.nanoTime() - begin;
    }

    private record Parked(OptionalLong residentBytes, int aliveAtOnce) {
    }

    /** Starts {@code threads} threads, waits until all are parked together, measures, releases them. */
    private static Parked parkAll(int threads) throws InterruptedException {
        var allParked = new CountDownLatch(threads);
        var release = new CountDownLatch(1);
        OptionalLong before = residentBytes();
        List<Thread> started = new ArrayList<>(threads);
        try {
            for (int i = 0; i < threads; i++) {
                started.add(Thread.ofPlatform().name("parked-", i).start(() -> {
                    allParked.countDown();
                    awaitQuietly(release);
                }));
            }
            allParked.await(); // every thread has run and is about to park (or parked)
            int alive = (int) started.stream().filter(Thread::isAlive).count();
            OptionalLong during = residentBytes();
            OptionalLong perThread = before.isPresent() && during.isPresent()
                    ? OptionalLong.of(Math.max(0, during.getAsLong() - before.getAsLong()) / threads)
                    : OptionalLong.empty();
            return new Parked(perThread, alive);
        } finally {
            release.countDown();
            for (Thread thread : started) {
                thread.join();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts these; if someone does, the thread just ends
        }
    }

    /** The process's resident set size, from Linux's {@code /proc/self/status}; empty elsewhere. */
    static OptionalLong residentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) { // "VmRSS:	  123456 kB"
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static long stackReserveKb() {
        var hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue());
    }
}
