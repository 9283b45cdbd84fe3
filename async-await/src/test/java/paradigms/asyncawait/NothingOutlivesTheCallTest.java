package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Every exercise call closes what it started: the executors, the timer threads, the HTTP
 * client's threads. (The common ForkJoinPool is the JDK's, shared by the whole JVM, and not
 * ours to close.) Run after a call, the threads it named must all be gone.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class NothingOutlivesTheCallTest {

    private static final List<String> OURS = List.of("squares-", "exhibition-loop", "jdbc-", "blocking-loop", "HttpClient-",
            "waiters-timer", "counter-");

    private final AsyncAwaitParadigm paradigm = new AsyncAwaitParadigm();

    @Test
    void noThreadOfTheCallIsLeftAfterEveryExercise() throws Exception {
        try (var server = LocalWebServer.builder().site(Site.generate(7, 30, Duration.ofMillis(20))).start()) {
            paradigm.download().download(new DownloadRequest(List.of(server.url("/data/1"), server.url("/hang")), 2,
                    Duration.ofMillis(200)), Trace.off());
            paradigm.crawl().crawl(new CrawlRequest(server.siteRoot(), 3), Trace.off());
            paradigm.deadline().download(new DeadlineRequest(List.of(server.url("/data/2"), server.url("/status/500"),
                    server.url("/hang")), 3, Duration.ofSeconds(5)), Trace.off());
        }
        paradigm.squares().compute(new SquaresRequest(List.of(1_000, 2_000, 3_000)), Trace.off());
        paradigm.exhibition().play(new ExhibitionRequest(3, 1, 2, 2, Duration.ofMillis(1)), Trace.off());
        paradigm.waiters().await(new WaitersRequest(100, Duration.ofMillis(1)), Trace.off());
        paradigm.counter().count(new CounterRequest(3, 3), Trace.off());

        await().atMost(TestTimeouts.LONG).until(() -> threadsOfOurs().isEmpty());
    }

    private static List<String> threadsOfOurs() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> OURS.stream().anyMatch(name::startsWith))
                .toList();
    }
}
