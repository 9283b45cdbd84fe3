package paradigms.common.measure;

import java.time.Duration;

/**
 * What one run cost.
 *
 * @param wall          elapsed real time
 * @param cpu           CPU time of this whole process (all threads) during the run
 * @param childCpu      CPU time of the child processes that ended during the run (a pool's
 *                      workers, closed before the call returned), see {@link ReapedChildrenCpu};
 *                      zero where the OS does not tell
 * @param peakThreads   the largest number of live platform threads during the run (virtual
 *                      threads are not counted by the JVM's thread bean)
 * @param peakHeapBytes the largest heap occupancy seen during the run (sum of the pools' peaks);
 *                      this process's heap only — a child JVM's heap is its own
 */
public record Measurement(Duration wall, Duration cpu, Duration childCpu, int peakThreads, long peakHeapBytes) {

    /** This process's CPU and its ended children's. */
    public Duration totalCpu() {
        return cpu.plus(childCpu);
    }

    /** All the CPU over wall time: 1.0 means one core busy on average, 2.0 two cores. */
    public double coresUsed() {
        return wall.isZero() ? 0 : (double) totalCpu().toNanos() / wall.toNanos();
    }
}
