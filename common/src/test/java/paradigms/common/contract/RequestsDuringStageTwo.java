package paradigms.common.contract;

import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The measurement behind the event-loop chapters' pipeline lesson ("CPU work in stage 2 stalls
 * stage 1"): run a pipeline whose buffer has room for every page — so nothing but the scheduling
 * can hold stage 1 back — with a page's work long beside a download, and ask the server how many
 * requests arrived while one page was processed. Stage 2 on the loop thread: at most the C
 * already on the wire. Offloaded: more.
 */
public final class RequestsDuringStageTwo {

    /** Pages in the run; the buffer holds them all. */
    public static final int PAGES = 10;
    /** C: the requests stage 1 may have in flight. */
    public static final int MAX_IN_FLIGHT = 2;
    /** A page's work: long beside a download from the local server (10 ms). */
    public static final Duration WORK = TestTimeouts.scaled(Duration.ofMillis(100));

    private RequestsDuringStageTwo() {
    }

    /** The most requests the server received during any one page's work (the results checked, too). */
    public static long most(PipelineExercise pipeline) throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(10)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                urls.add(server.url("/data/" + i));
            }
            var work = new CountingWork(server);
            PipelineResult result = pipeline.run(new PipelineRequest(urls, MAX_IN_FLIGHT, PAGES, work), new BufferLevel(), Trace.off());
            assertEquals(PAGES, result.count(PipelineItem.Processed.class), "the results are right either way");
            return work.most();
        }
    }

    /** The page's digest for {@link #WORK}, noting how many requests the server received meanwhile. */
    private static final class CountingWork implements PageWork {
        private final PageWork digest = PageWork.digesting(WORK);
        private final LocalWebServer server;
        private long most; // guarded by this: stage 2 may run on any thread

        CountingWork(LocalWebServer server) {
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
