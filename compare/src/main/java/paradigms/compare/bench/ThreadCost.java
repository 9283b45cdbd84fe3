package paradigms.compare.bench;

import paradigms.common.ClassPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code --bench thread-cost}: what it costs to start the unit of concurrency of each chapter —
 * a platform thread (threading), a virtual thread (greenlets), a child JVM (multiprocessing) —
 * and have it finish, doing nothing.
 *
 * <p>Threads: start {@code threads} of them one after another, then join them all; the wall
 * time divided by {@code threads}. A JVM: start a child JVM whose {@code main} returns at once
 * and wait for it to exit. Each figure is the {@link Policy}'s median.
 *
 * <p>Memory: the growth of the resident set while {@code threads} platform threads are parked
 * at once, per thread — measured once, first, before any other thread was started and ended. What a waiting task keeps alive in each paradigm's heap is the main job's
 * {@code waiters} figure.
 */
final class ThreadCost implements Benchmark {

    /**
     * @param threads             how many threads each measured run started
     * @param platformMicros      median µs to start and join one platform thread
     * @param virtualMicros       median µs to start and join one virtual thread
     * @param residentKibPerParkedThread growth of the resident set per platform thread while
     *                           {@code threads} of them are parked at once (Linux's {@code VmRSS}); null elsewhere
     * @param childJvmMillis      median ms to start a child JVM that does nothing, and see it exit
     * @param childJvmCommand     the child JVM's command, class path left out
     */
    record Figures(int threads, double platformMicros, double virtualMicros, Double residentKibPerParkedThread,
                   double childJvmMillis, String childJvmCommand) {
    }

    @Override
    public String name() {
        return "thread-cost";
    }

    @Override
    public String description() {
        return "start and finish a platform thread, a virtual thread, a child JVM";
    }

    @Override
    public Figures run(Context context) throws Exception {
        int threads = context.full() ? 5_000 : 1_000;
        // Memory first, once, with no warm-up: the C library keeps the stacks of ended threads for
        // reuse, so after any earlier run new threads would find their pages already resident.
        Double resident = residentBytes().isEmpty() ? null : residentKibPerParked(threads);
        double platform = Policy.median(context.policy().run(() -> startAndJoin(Thread.ofPlatform(), threads)));
        double virtual = Policy.median(context.policy().run(() -> startAndJoin(Thread.ofVirtual(), threads)));
        List<String> command = List.of(ClassPath.javaLauncher(), "-cp", ClassPath.current(), EmptyMain.class.getName());
        double jvm = Policy.median(context.policy().run(() -> childJvm(command)));
        var figures = new Figures(threads, platform, virtual, resident, jvm, "java -cp … " + EmptyMain.class.getName());
        context.out().printf(Locale.ROOT, "  platform thread: %8.1f µs to start and finish (median, %,d threads a run)%n", platform, threads);
        if (resident != null) {
            context.out().printf(Locale.ROOT, "  platform thread: %8.1f KiB resident while parked (%,d parked at once)%n", resident, threads);
        }
        context.out().printf(Locale.ROOT, "  virtual thread:  %8.1f µs%n", virtual);
        context.out().printf(Locale.ROOT, "  child JVM:       %8.1f ms to start and exit (%s)%n", jvm, figures.childJvmCommand());
        return figures;
    }

    /** µs per thread to start {@code count} threads of {@code builder}, one after another, and join them all. */
    private static double startAndJoin(Thread.Builder builder, int count) throws InterruptedException {
        List<Thread> started = new ArrayList<>(count);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            started.add(builder.start(() -> { }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        return (System.nanoTime() - begin) / 1e3 / count;
    }

    /**
     * KiB of resident memory per platform thread while {@code count} of them are parked on one
     * latch: only the stack pages they touched and the JVM's per-thread structures, not the stack
     * each reserves (address space).
     */
    private static double residentKibPerParked(int count) throws InterruptedException {
        long before = residentBytes().orElseThrow();
        var release = new CountDownLatch(1);
        var allParked = new CountDownLatch(count);
        List<Thread> parked = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                parked.add(Thread.ofPlatform().name("parked-", 0).start(() -> {
                    allParked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            allParked.await();
            return (residentBytes().orElseThrow() - before) / 1024.0 / count;
        } finally {
            release.countDown();
            for (Thread thread : parked) {
                thread.join();
            }
        }
    }

    /** This process's resident set ({@code VmRSS}), where Linux's {@code /proc} tells it. */
    private static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException notLinux) {
            return OptionalLong.empty();
        }
    }

    private static double childJvm(List<String> command) throws Exception {
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a child JVM that does nothing did not exit within 60 s");
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the empty child JVM exited with " + process.exitValue());
        }
        return (System.nanoTime() - begin) / 1e6;
    }
}
