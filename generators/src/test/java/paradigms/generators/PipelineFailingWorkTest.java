package paradigms.generators;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.measure.Leftovers;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's work that throws is a bug, not a failing URL: the call throws that error — it does
 * not hang with stage 1 waiting on a full buffer that nobody takes from — and leaves nothing
 * running: no thread, no process, no request in flight, no connection.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PipelineFailingWorkTest {

    @Test
    void aPageWorkThatThrowsMakesTheCallThrowItAndLeavesNothingRunning() throws Exception {
        Leftovers before = Leftovers.now();
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(5)).start()) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                urls.add(server.url("/data/" + i + "?case=failing-work"));
            }
            var bug = new IllegalArgumentException("a bug in stage 2");
            PageWork failsOnTheThirdPage = new PageWork() {
                private final PageWork digest = PageWork.digesting(Duration.ZERO);
                private int pages; // stage 2 takes one page at a time

                @Override
                public synchronized PipelineItem.Processed process(Fetched.Page page) {
                    if (++pages == 3) {
                        throw bug;
                    }
                    return digest.process(page);
                }
            };
            var request = new PipelineRequest(urls, 2, 1, failsOnTheThirdPage);
            Throwable thrown = assertThrows(RuntimeException.class, () -> new Pipeline().run(request, new BufferLevel(), Trace.off()));
            assertTrue(causes(thrown).contains(bug), "the work's own error comes out: " + thrown);

            await("no request in flight and no connection open at the server")
                    .atMost(TestTimeouts.scaled(Duration.ofSeconds(5)))
                    .until(() -> server.inFlight() == 0 && server.connectionsOpen() == 0);
        }
        await("no thread or child process of ours still alive")
                .atMost(TestTimeouts.scaled(Duration.ofSeconds(5)))
                .untilAsserted(() -> assertEquals(List.of(), Leftovers.now().newSince(before), "left behind"));
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
