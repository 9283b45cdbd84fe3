package paradigms.common.measure;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link Meter} reports is what the run did: its wall time, the CPU it burned, the threads
 * it started, the heap it filled. Lower bounds only — a busy machine can make any of them larger,
 * never smaller.
 */
class MeterTest {

    private static final Duration BUSY = Duration.ofMillis(200);
    private static final int ARRAY_BYTES = 64 << 20;

    @Test
    void reportsTheWallTimeCpuThreadsAndHeapOfTheRun() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        Meter.Measured<Integer> measured = Meter.measure(() -> {
            var release = new CountDownLatch(1);
            Thread[] extra = new Thread[3];
            for (int i = 0; i < extra.length; i++) {
                extra[i] = Thread.ofPlatform().name("meter-test-" + i).start(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            long spins = 0;
            long end = System.nanoTime() + BUSY.toNanos();
            while (System.nanoTime() < end) {
                spins++; // CPU, on this thread, for BUSY
            }
            byte[] big = new byte[ARRAY_BYTES]; // on the heap until the run returns
            release.countDown();
            for (Thread thread : extra) {
                thread.join();
            }
            return big.length + (spins < 0 ? 1 : 0);
        });

        Measurement m = measured.measurement();
        assertEquals(ARRAY_BYTES, measured.value());
        assertTrue(m.wall().compareTo(BUSY) >= 0, "wall " + m.wall());
        // The OS counts CPU in 10 ms ticks, and the spinning thread may be descheduled: half is a safe floor.
        assertTrue(m.cpu().compareTo(BUSY.dividedBy(2)) >= 0, "CPU " + m.cpu() + " for " + BUSY + " of spinning");
        assertTrue(m.peakThreads() >= threadsBefore + 3, "peak threads " + m.peakThreads() + ", " + threadsBefore + " before");
        assertTrue(m.peakHeapBytes() >= ARRAY_BYTES, "peak heap " + m.peakHeapBytes() + " with a 64 MiB array alive");
        assertEquals(Duration.ZERO, m.childCpu(), "no child process");
    }
}
