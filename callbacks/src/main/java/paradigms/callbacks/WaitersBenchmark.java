package paradigms.callbacks;

import paradigms.common.measure.Meter;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code waiters} figures: N timers on one loop thread, for N = 100,000 and 1,000,000
 * (each wait 1 s). For each N, after a warm-up:
 * <ol>
 *   <li><b>time</b>: the median wall time of a few runs, and what it costs beyond the wait
 *       (setting, firing and ending N timers, one after another on one thread);</li>
 *   <li><b>peak heap</b>: the growth of the heap over the run (its peak, garbage included,
 *       minus the heap in use before it, after a full GC), the way the main job measures it;</li>
 *   <li><b>kept alive</b>: the heap in use while all N wait, after a full GC, minus the same
 *       before — the bytes one waiting task really holds (a separate run: the GC delays it).</li>
 * </ol>
 * Run it in a JVM of its own, with the module tests' heap ({@code -Xmx1g}), so that the
 * declared capacity is the one the tests see:
 * <pre>
 * ./mvnw -q -pl callbacks -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp callbacks/target/classes:$(cat /tmp/cp.txt) paradigms.callbacks.WaitersBenchmark
 * </pre>
 * Options: {@code -Dbench.tasks=100000,1000000 -Dbench.repeats=5 -Dbench.waitMillis=1000}.
 */
public final class WaitersBenchmark {

    private WaitersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = System.getProperty("bench.tasks", "100000,1000000").split(",");
        int repeats = Integer.getInteger("bench.repeats", 5);
        Duration wait = Duration.ofMillis(Integer.getInteger("bench.waitMillis", 1_000));
        System.out.printf("cores: %d; max heap: %d MiB; declared capacity: %,d (%s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                new Waiters().capacity().maxTasks(), new Waiters().capacity().limitedBy());

        new Waiters().await(new WaitersRequest(100_000, Duration.ofMillis(100)), Trace.off()); // warm-up: JIT
        for (String size : sizes) {
            int tasks = Integer.parseInt(size.trim());
            var request = new WaitersRequest(tasks, wait);
            System.out.printf("%n%,d tasks, each waiting %d ms, on one loop thread%n", tasks, wait.toMillis());

            List<Double> seconds = new ArrayList<>();
            List<Long> grown = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long before = heapInUseAfterGc();
                var measured = Meter.measure(() -> new Waiters().await(request, Trace.off()));
                WaitersResult result = measured.value();
                double wall = measured.measurement().wall().toNanos() / 1e9;
                long growth = measured.measurement().peakHeapBytes() - before;
                seconds.add(wall);
                grown.add(growth);
                System.out.printf("  run %d: %.3f s (%.3f s beyond the wait); completed %,d, early %d, waiting at once %,d;"
                                + " peak heap growth %,.1f MB = %.0f bytes a task; %d platform threads at the peak%n",
                        i + 1, wall, wall - wait.toNanos() / 1e9, result.completed(), result.early(), result.maxWaitingAtOnce(),
                        growth / 1e6, (double) growth / tasks, measured.measurement().peakThreads());
            }
            double median = median(seconds);
            double medianGrowth = median(grown.stream().map(Long::doubleValue).toList());
            System.out.printf("  median: %.3f s, %.3f s beyond the wait (%.2f µs a task); peak heap growth %,.1f MB (%.0f bytes a task)%n",
                    median, median - wait.toNanos() / 1e9, (median - wait.toNanos() / 1e9) * 1e6 / tasks,
                    medianGrowth / 1e6, medianGrowth / tasks);

            long before = heapInUseAfterGc();
            long[] whileWaiting = {0};
            new Waiters(() -> whileWaiting[0] = heapInUseAfterGc()).await(request, Trace.off());
            long kept = whileWaiting[0] - before;
            System.out.printf("  kept alive while all wait (after a full GC): %,.1f MB = %.0f bytes a task%n", kept / 1e6,
                    (double) kept / tasks);
        }
        System.out.printf("%nprocess resident set at its peak (VmHWM): %s%n", peakResidentSet());
    }

    /** The heap in use after a full collection: the live set. */
    private static long heapInUseAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    /** Linux only: the most resident memory the process has had, JVM and all. */
    private static String peakResidentSet() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).trim())
                    .findFirst().orElse("unknown");
        } catch (Exception notLinux) {
            return "unknown (" + notLinux.getMessage() + ")";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
