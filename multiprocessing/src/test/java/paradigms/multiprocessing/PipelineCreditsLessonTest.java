package paradigms.multiprocessing;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: credits bound what a worker sends ahead. Stage 2 is held on its first page; the
 * server answers at once, so nothing but the credits can hold the workers back. They fill the
 * buffer's B places, then each of the C workers fetches one more page and waits, holding it, for
 * a credit that does not come: the server's request count stops at 1 + B + C — the page stage 2
 * holds, the B in the buffer, the C in the workers — and stays there, however long stage 2 takes.
 * Let stage 2 go, and every page arrives, once.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PipelineCreditsLessonTest {

    private static final int PAGES = 12;
    private static final int MAX_IN_FLIGHT = 3;
    private static final int BUFFER = 2;

    @Test
    void withStageTwoHeldTheWorkersSendNoMoreThanTheirCreditsAndFetchNoMoreThanOnePageEach() throws Exception {
        try (var server = LocalWebServer.start(); ExecutorService caller = Executors.newSingleThreadExecutor()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                urls.add(server.url("/data/" + i + "?case=credits"));
            }
            var release = new CountDownLatch(1);
            var level = new BufferLevel();
            PageWork heldOnTheFirstPage = new PageWork() {
                private final PageWork digest = PageWork.digesting(Duration.ZERO);
                private boolean first = true; // stage 2 runs on one thread: the caller's

                @Override
                public PipelineItem.Processed process(Fetched.Page page) {
                    if (first) {
                        first = false;
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }
                    return digest.process(page);
                }
            };
            Future<PipelineResult> running = caller.submit(() ->
                    new Pipeline().run(new PipelineRequest(urls, MAX_IN_FLIGHT, BUFFER, heldOnTheFirstPage), level, Trace.off()));

            long bound = 1 + BUFFER + MAX_IN_FLIGHT;
            try {
                await("the workers fill the buffer, and each fetches one page more")
                        .atMost(TestTimeouts.scaled(Duration.ofSeconds(20)))
                        .until(() -> server.totalRequests() == bound && level.level() == BUFFER);
                await("and there they stay: no credit, no page sent, no further request")
                        .during(TestTimeouts.scaled(Duration.ofMillis(300)))
                        .atMost(TestTimeouts.scaled(Duration.ofSeconds(5)))
                        .until(() -> server.totalRequests() == bound && level.level() == BUFFER);
            } finally {
                release.countDown(); // whatever happened above, stage 2 goes on and the call ends
            }
            PipelineResult result = running.get();
            assertEquals(PAGES, result.count(PipelineItem.Processed.class));
            assertTrue(level.highWater() <= BUFFER, "the buffer held " + level.highWater() + " pages at once");
            for (URI url : urls) {
                assertEquals(1, server.requests(url), url + " requested once");
            }
        }
    }
}
