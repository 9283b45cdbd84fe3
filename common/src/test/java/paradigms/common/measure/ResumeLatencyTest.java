package paradigms.common.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResumeLatencyTest {

    @Test
    void aLatencyIsTheTimeFromTheStampToTheRecordingAndIsKeptEvenWhenNegative() {
        var latency = ResumeLatency.recording();
        long before = System.nanoTime();
        latency.record(before - Duration.ofSeconds(3).toNanos()); // sent 3 s ago
        latency.record(System.nanoTime() + Duration.ofHours(1).toNanos()); // a stamp from the future: a bug to show
        ResumeLatency.Summary summary = latency.summary();

        assertEquals(2, summary.count());
        assertTrue(summary.max().compareTo(Duration.ofSeconds(3)) >= 0, "three seconds at least: " + summary);
        assertTrue(summary.min().isNegative(), "the negative one is kept: " + summary);
    }

    @Test
    void percentilesAreNearestRank() {
        var latency = ResumeLatency.recording();
        long now = System.nanoTime();
        // 100 latencies of about 1 … 100 s: the median is about 50 s, the 99th percentile about 99 s.
        for (int seconds = 1; seconds <= 100; seconds++) {
            latency.record(now - Duration.ofSeconds(seconds).toNanos());
        }
        ResumeLatency.Summary summary = latency.summary();
        assertEquals(100, summary.count());
        assertEquals(50, summary.p50().toSeconds());
        assertEquals(99, summary.p99().toSeconds());
        assertEquals(100, summary.max().toSeconds());
        assertEquals(1, summary.min().toSeconds());
    }

    @Test
    void offKeepsNothingAndSummarisesAsZero() {
        ResumeLatency.off().record(System.nanoTime());
        assertEquals(0, ResumeLatency.off().count());
        assertEquals(new ResumeLatency.Summary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                ResumeLatency.off().summary());
    }

    @Test
    void recordsFromManyThreadsAtOnceAreAllKept() throws Exception {
        var latency = ResumeLatency.recording();
        int threads = 8;
        int each = 10_000;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        latency.record(System.nanoTime());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(); // a failure on a recording thread reaches the test here
            }
        }
        assertEquals(threads * each, latency.count());
        assertTrue(!latency.summary().min().isNegative(), "nanoTime never goes back: " + latency.summary());
    }
}
