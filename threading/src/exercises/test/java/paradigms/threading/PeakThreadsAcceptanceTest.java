package paradigms.threading;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code thread-peak}: with C = N, the chapter's download has many requests in flight
 * at once, and the measured peak of platform threads is at least that many — one thread per
 * request. (The figures are printed; only that shape is checked.)
 */
@Tag("exercise")
@Tag("thread-peak")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PeakThreadsAcceptanceTest {

    /** Enough threads to stand out from the test JVM's own, few enough for a loaded machine. */
    private static final int URLS = 300;

    @Test
    void thePeakOfPlatformThreadsRisesByOnePerRequestInFlight() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(500)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < URLS; i++) {
                urls.add(server.url("/data/" + i));
            }
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            Meter.Measured<List<DownloadResult>> run = PeakThreads.download(new DownloadRequest(urls, URLS));

            assertEquals(URLS, run.value().size(), "every URL answered");
            assertTrue(run.value().stream().allMatch(DownloadResult.Downloaded.class::isInstance), "every URL downloaded: " + run.value());
            System.out.printf("thread-peak: %d URLs, C = %d: peak platform threads %d (%d before), peak heap %,d bytes, wall %d ms%n",
                    URLS, URLS, run.measurement().peakThreads(), threadsBefore, run.measurement().peakHeapBytes(),
                    run.measurement().wall().toMillis());
            assertTrue(server.maxInFlight() >= URLS / 4, "the server saw only " + server.maxInFlight()
                    + " requests at once: were they made one after another?");
            assertTrue(run.measurement().peakThreads() >= server.maxInFlight(),
                    "peak platform threads " + run.measurement().peakThreads() + ", fewer than the "
                            + server.maxInFlight() + " requests in flight at once: one thread per request was expected");
        }
    }
}
