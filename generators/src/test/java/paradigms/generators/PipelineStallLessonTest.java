package paradigms.generators;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: a coroutine gives the loop back only at a {@code yield}, and CPU work has none: run
 * inside stage 2's coroutine, it stalls stage 1. The queue has room for every page, so nothing
 * but the loop itself can hold stage 1 back; each page's work is long beside a download. The
 * server tells what happened while a page was processed: computed in the coroutine, no request
 * went out — only the C already on the wire could arrive; offloaded (the coroutine yields the
 * work's future), stage 1 went on fetching.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PipelineStallLessonTest {

    private static final Duration WORK = TestTimeouts.scaled(Duration.ofMillis(100));
    private static final int PAGES = 10;
    private static final int MAX_IN_FLIGHT = 2;

    @Test
    void stageTwoOnTheLoopThreadStallsStageOneNoRequestGoesOutWhileAPageIsProcessed() throws Exception {
        long most = mostRequestsArrivingDuringOnePagesWork(Pipeline.stageTwoOnTheLoop());
        assertTrue(most <= MAX_IN_FLIGHT, "while a page was processed the server received " + most
                + " requests: more than the C = " + MAX_IN_FLIGHT + " already on the wire, so the loop sent some");
    }

    @Test
    void stageTwoOffloadedToAWorkerLetsStageOneFetchWhileAPageIsProcessed() throws Exception {
        long most = mostRequestsArrivingDuringOnePagesWork(new Pipeline());
        assertTrue(most > MAX_IN_FLIGHT, "while a page was processed the server received only " + most
                + " requests: stage 1 did not go on");
    }

    private static long mostRequestsArrivingDuringOnePagesWork(Pipeline pipeline) throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(10)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                urls.add(server.url("/data/" + i));
            }
            var work = new RequestsDuringWork(server);
            PipelineResult result = pipeline.run(new PipelineRequest(urls, MAX_IN_FLIGHT, PAGES, work), new BufferLevel(), Trace.off());
            assertEquals(PAGES, result.count(PipelineItem.Processed.class), "the results are right either way");
            return work.most();
        }
    }

    /** The page's digest for {@link #WORK}, noting how many requests the server received meanwhile. */
    private static final class RequestsDuringWork implements PageWork {
        private final PageWork digest = PageWork.digesting(WORK);
        private final LocalWebServer server;
        private long most; // guarded by this

        RequestsDuringWork(LocalWebServer server) {
            this.server = server;
        }

        @Override
        public PipelineItem.Processed process(Fetched.Page page) {
            long before = server.totalRequests();
            PipelineItem.Processed processed = digest.process(page);
            long during = server.totalRequests() - before;
            synchronized (this) {
                most = Math.max(most, during);
            }
            return processed;
        }

        synchronized long most() {
            return most;
        }
    }
}
