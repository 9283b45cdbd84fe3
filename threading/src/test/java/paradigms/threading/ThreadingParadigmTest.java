package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.Paradigms;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.counter.CounterRequest;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.download.DownloadRequest;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The chapter's paradigm as the main job finds it, and its promise that nothing outlives a call. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ThreadingParadigmTest {

    @Test
    void isRegisteredUnderItsModuleNameWithBothClaims() {
        var paradigm = assertInstanceOf(ThreadingParadigm.class, Paradigms.named("threading"));
        assertEquals(Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), paradigm.claims());
    }

    @Test
    void noWorkerThreadOutlivesAnExerciseCall() throws Exception {
        var paradigm = new ThreadingParadigm();
        paradigm.squares().compute(new SquaresRequest(List.of(1_000, 2_000)), Trace.off());
        paradigm.waiters().await(new WaitersRequest(20, Duration.ofMillis(5)), Trace.off());
        paradigm.counter().count(new CounterRequest(3, 10), Trace.off());
        paradigm.exhibition().play(new ExhibitionRequest(3, 1, 2, 2, Duration.ofMillis(1)), Trace.off());
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(5)).site(Site.generate(3, 20, Duration.ZERO)).start()) {
            List<URI> urls = IntStream.range(0, 6).mapToObj(i -> server.url("/data/" + i)).toList();
            paradigm.download().download(new DownloadRequest(urls, 3), Trace.off());
            paradigm.deadline().download(new DeadlineRequest(urls, 3, Duration.ofSeconds(10)), Trace.off());
            paradigm.crawl().crawl(new CrawlRequest(server.siteRoot(), 3), Trace.off());
        }
        // close() returns once the pool has terminated; a worker thread may need a moment more to exit.
        await().atMost(TestTimeouts.scaled(Duration.ofSeconds(5))).until(() -> Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .noneMatch(name -> name.startsWith("squares-") || name.startsWith("download-") || name.startsWith("waiter-")
                        || name.startsWith("counter-") || name.startsWith("deadline-") || name.startsWith("board-")
                        || name.startsWith("crawl-")));
    }
}
