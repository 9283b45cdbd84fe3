package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.server.LocalWebServer;

import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How to stop a thread that sits in the client's socket read. A platform thread does not hear
 * an interrupt there; closing the client closes its socket, and that wakes it. A virtual thread
 * does hear the interrupt (JEP 444: the JDK closes the socket for it).
 */
@Timeout(60)
class SocketHttpClientCancelTest {

    /** Far longer than any of these tests may take: the read must be ended by something else. */
    private static final Duration NEVER = Duration.ofMinutes(5);

    /** Starts {@code thread} fetching a URL that is never answered; the future holds how the fetch ended. */
    private static CompletableFuture<Object> hangIn(Thread.Builder thread, SocketHttpClient client, URI url,
                                                    Thread[] started) {
        var ended = new CompletableFuture<>();
        started[0] = thread.start(() -> {
            try {
                ended.complete(client.get(url, NEVER));
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        return ended;
    }

    @Test
    void closingTheClientWakesAPlatformThreadBlockedInARead() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            Thread[] reader = new Thread[1];
            var ended = hangIn(Thread.ofPlatform().name("blocked-reader"), client, server.url("/hang"), reader);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            client.close(); // from this thread: closes the socket the reader sits on

            assertInstanceOf(SocketException.class, ended.get(), "the read ended with the socket's close");
            reader[0].join();
            await().atMost(TestTimeouts.LONG).until(() -> server.connectionsOpen() == 0);
        }
    }

    @Test
    void anInterruptDoesNotWakeAPlatformThreadBlockedInARead() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            Thread[] reader = new Thread[1];
            var ended = hangIn(Thread.ofPlatform().name("blocked-reader"), client, server.url("/hang"), reader);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            reader[0].interrupt();
            await().during(Duration.ofMillis(500)).atMost(TestTimeouts.LONG)
                    .until(() -> !ended.isDone() && server.inFlight() == 1); // still in the read, still at the server

            client.close(); // what does wake it; the interrupt is then reported as such
            assertInstanceOf(InterruptedException.class, ended.get());
            reader[0].join();
        }
    }

    @Test
    void anInterruptWakesAVirtualThreadBlockedInAReadAndClosesItsConnection() throws Exception {
        try (var server = LocalWebServer.start(); var client = new SocketHttpClient()) {
            Thread[] reader = new Thread[1];
            var ended = hangIn(Thread.ofVirtual().name("blocked-reader"), client, server.url("/hang"), reader);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);

            reader[0].interrupt();

            var interrupted = assertInstanceOf(InterruptedException.class, ended.get());
            assertInstanceOf(SocketException.class, interrupted.getCause(), "the JDK closed the socket to wake it");
            reader[0].join();
            assertEquals(0, client.openConnections(), "the interrupted connection is not kept");
            await().atMost(TestTimeouts.LONG).until(() -> server.connectionsOpen() == 0);
            assertFalse(reader[0].isAlive());
            assertTrue(server.requests(server.url("/hang")) == 1);
        }
    }
}
