package paradigms.multiprocessing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Paradigm;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.download.DownloadRequest;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crossing a process boundary and back through text changes nothing: every result is equal,
 * record for record, to what the sequential baseline computes in one JVM.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class SameResultsAsTheBaselineTest {

    private final Paradigm baseline = new SequentialParadigm();
    private final Paradigm processes = new MultiprocessingParadigm();

    @Test
    void squaresAreIdentical() throws Exception {
        var request = new SquaresRequest(List.of(5_000_019, 0, 1, 2, 3, 65_536, 5_000_000, 123_457));
        assertEquals(baseline.squares().compute(request, Trace.off()), processes.squares().compute(request, Trace.off()));
    }

    @Test
    void downloadsAreIdenticalIncludingTheFailures() throws Exception {
        try (var server = LocalWebServer.start()) {
            List<URI> urls = new ArrayList<>(IntStream.range(0, 6).mapToObj(i -> server.url("/data/x" + i + "?size=" + (100 * i))).toList());
            urls.add(server.url("/status/404"));
            urls.add(server.url("/status/503"));
            var request = new DownloadRequest(urls, 2);
            assertEquals(baseline.download().download(request, Trace.off()), processes.download().download(request, Trace.off()));
        }
    }

    @Test
    void counterTotalsAreIdentical() throws Exception {
        var request = new CounterRequest(4, 20);
        assertEquals(baseline.counter().count(request, Trace.off()), processes.counter().count(request, Trace.off()),
                "the correct counter loses nothing, across processes as in one thread");
    }

    @Test
    void crawlsAreIdentical() throws Exception {
        try (var server = LocalWebServer.builder().site(Site.generate(7, 60, Duration.ZERO)).start()) {
            var request = new CrawlRequest(server.siteRoot(), 2);
            assertEquals(baseline.crawl().crawl(request, Trace.off()), processes.crawl().crawl(request, Trace.off()));
        }
    }
}
