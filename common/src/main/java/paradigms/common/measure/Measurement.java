package paradigms.common.measure;

import java.time.Duration;

/**
 * What one run cost.
 *
 * @param wall          elapsed real time
 * @param cpu           CPU time of this whole process (all threads) during the run; child
 *                      processes are not included — the multiprocessing chapter reports theirs
 * @param peakThreads   the largest number of live platform threads during the run (virtual
 *                      threads are not counted by the JVM's thread bean)
 * @param peakHeapBytes the largest heap occupancy seen during the run (sum of the pools' peaks)
 */
public record Measurement(Duration wall, Duration cpu, int peakThreads, long peakHeapBytes) {

    /** CPU time over wall time: 1.0 means one core busy on average, 2.0 two cores. */
    public double coresUsed() {
        return wall.isZero() ? 0 : (double) cpu.toNanos() / wall.toNanos();
    }
}
