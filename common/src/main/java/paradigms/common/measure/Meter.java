package paradigms.common.measure;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Measures a run: wall time, process CPU time (and that of child processes that ended during
 * the run), peak platform threads, peak heap.
 *
 * <p>The peaks come from the JVM's management beans, which are process-wide: measure one
 * thing at a time. {@link #measure} resets the peaks first, so that each run reports its own.
 */
public final class Meter {

    private Meter() {
    }

    /** The value a run produced and what producing it cost. */
    public record Measured<T>(T value, Measurement measurement) {
    }

    public static <T> Measured<T> measure(Callable<T> run) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();

        threads.resetPeakThreadCount();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpuBefore = os.getProcessCpuTime();
        Duration childrenBefore = ReapedChildrenCpu.soFar().orElse(Duration.ZERO);
        long wallBefore = System.nanoTime();

        T value = run.call();

        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        Duration childCpu = ReapedChildrenCpu.soFar().orElse(childrenBefore).minus(childrenBefore);
        long peakHeap = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured<>(value, new Measurement(
                Duration.ofNanos(wall), Duration.ofNanos(Math.max(0, cpu)), childCpu, threads.getPeakThreadCount(), peakHeap));
    }
}
