package paradigms.asyncawait.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import paradigms.asyncawait.AsyncAwaitParadigm;
import paradigms.common.DelegatingParadigm;
import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code crawl-on-one-thread}: the chapter's whole {@code crawl} contract, and every
 * page processed on the call's one loop thread, which is gone when the call returns.
 */
@Tag("exercise")
@Tag("crawl-on-one-thread")
class OneThreadCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new DelegatingParadigm(new AsyncAwaitParadigm()) {
            @Override
            public CrawlExercise crawl() {
                return new OneThreadCrawl();
            }
        };
    }

    @Test
    void everyPageIsProcessedOnTheOneLoopThreadAndTheThreadEndsWithTheCall() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(2)).site(Site.generate(7, 60, Duration.ofMillis(20))).start()) {
            Trace trace = Trace.recording();
            CrawlResult result = new OneThreadCrawl().crawl(new CrawlRequest(server.siteRoot(), 6), trace);

            assertTrue(result.outcomes().size() > 1, "the crawl went past the root: " + result.outcomes().size() + " pages");
            Set<String> threads = trace.spans().stream().map(Span::thread).collect(Collectors.toSet());
            assertEquals(Set.of(OneThreadCrawl.LOOP_THREAD), threads, "the threads that processed pages");
            assertEquals(result.outcomes().size(), trace.spans().size(), "one span per page processed");
            await("the loop thread has ended").atMost(TestTimeouts.LONG).until(() -> Thread.getAllStackTraces().keySet()
                    .stream().noneMatch(thread -> thread.getName().equals(OneThreadCrawl.LOOP_THREAD)));
        }
    }
}
