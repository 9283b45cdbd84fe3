package paradigms.greenlets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code unbounded-download}: without its semaphore the download still answers every URL
 * once, in input order, on few platform threads — but the server sees more than C requests at
 * once: the bound is gone. (The figures are printed; only that shape is checked.)
 */
@Tag("exercise")
@Tag("unbounded-download")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class UnboundedDownloadAcceptanceTest {

    private static final int URLS = 200;
    private static final int MAX_IN_FLIGHT = 4;

    @Test
    void everyUrlIsAnsweredInOrderButTheServerSeesMoreThanCAtOnce() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(300)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < URLS; i++) {
                urls.add(server.url("/data/" + i));
            }
            Meter.Measured<List<DownloadResult>> run = Meter.measure(
                    () -> new UnboundedDownload().download(new DownloadRequest(urls, MAX_IN_FLIGHT), Trace.off()));

            assertEquals(URLS, run.value().size(), "every URL answered");
            for (int i = 0; i < URLS; i++) {
                var downloaded = assertInstanceOf(DownloadResult.Downloaded.class, run.value().get(i), "URL " + i);
                assertEquals(urls.get(i), downloaded.url(), "answers in input order");
                assertEquals(1, server.requests(urls.get(i)), "each URL fetched once");
            }
            System.out.printf("unbounded-download: C = %d, the server saw %d requests at once; peak platform threads %d%n",
                    MAX_IN_FLIGHT, server.maxInFlight(), run.measurement().peakThreads());
            assertTrue(server.maxInFlight() > MAX_IN_FLIGHT,
                    "the server never saw more than C = " + MAX_IN_FLIGHT + " requests at once: the bound is still there");
            assertTrue(run.measurement().peakThreads() < URLS,
                    "peak platform threads " + run.measurement().peakThreads() + ": the requests were not on virtual threads");
        }
    }
}
