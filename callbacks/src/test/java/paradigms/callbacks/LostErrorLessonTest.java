package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.server.LocalWebServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Lesson: in callback code an error does not travel back to whoever started the work. A
 * response callback that throws before it passes its permit on takes the permit with it: the
 * other downloads never start, nothing is waiting any more, {@code run()} returns normally —
 * and the only trace of the failure is in the loop's error handler.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class LostErrorLessonTest {

    @Test
    void aCallbackThatThrowsBeforeReleasingItsPermitSilentlyEndsTheWholeDownload() throws Exception {
        List<Throwable> reported = new ArrayList<>();
        List<String> done = new ArrayList<>();
        try (var server = LocalWebServer.start(); var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            loop.setErrorHandler((context, error) -> reported.add(error));
            var permits = new Permits(loop, 1);
            for (String id : List.of("a", "b", "c")) {
                permits.acquire(() -> client.get(server.url("/data/" + id), Duration.ofSeconds(5),
                        response -> {
                            if (id.equals("a")) {
                                throw new IllegalStateException("a bug in the response callback for " + id);
                            }
                            done.add(id);
                            permits.release(); // never reached for "a": its permit is lost
                        },
                        failure -> permits.release()));
            }
            loop.run(); // returns normally: "b" and "c" wait for a permit, and a waiting callback is not work

            assertEquals(List.of(), done, "b and c never ran");
            assertEquals(1, server.totalRequests(), "only a was ever requested");
            assertEquals(1, reported.size(), "the failure surfaced in the error handler, and only there");
            assertInstanceOf(IllegalStateException.class, reported.getFirst());
        }
    }
}
