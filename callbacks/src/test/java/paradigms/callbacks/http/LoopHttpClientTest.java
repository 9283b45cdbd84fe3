package paradigms.callbacks.http;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.Failure;
import paradigms.common.http.HttpRequestWriter;
import paradigms.common.http.HttpResponse;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The callback HTTP client against real sockets: the course's LocalWebServer, and a canned one for the rarer answers. */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class LoopHttpClientTest {

    private static final Duration TIMEOUT = TestTimeouts.scaled(Duration.ofSeconds(5));

    /** What became of one GET: a response or a failure. */
    private record Outcome(HttpResponse response, IOException failure) {
    }

    /** GETs each URL in turn (the next starts when the previous ended), on one loop and one client. */
    private static List<Outcome> getOneAfterAnother(Duration timeout, URI... urls) {
        List<Outcome> outcomes = new ArrayList<>();
        try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            getNext(client, urls, 0, timeout, outcomes);
            loop.run();
        }
        assertEquals(urls.length, outcomes.size(), "one outcome per URL");
        return outcomes;
    }

    private static void getNext(LoopHttpClient client, URI[] urls, int index, Duration timeout, List<Outcome> outcomes) {
        if (index == urls.length) {
            return;
        }
        client.get(urls[index], timeout,
                response -> {
                    outcomes.add(new Outcome(response, null));
                    getNext(client, urls, index + 1, timeout, outcomes);
                },
                failure -> {
                    outcomes.add(new Outcome(null, failure));
                    getNext(client, urls, index + 1, timeout, outcomes);
                });
    }

    private static HttpResponse responseOf(URI url) {
        Outcome outcome = getOneAfterAnother(TIMEOUT, url).getFirst();
        assertNull(outcome.failure(), () -> "failed: " + outcome.failure());
        return outcome.response();
    }

    private static IOException failureOf(URI url, Duration timeout) {
        Outcome outcome = getOneAfterAnother(timeout, url).getFirst();
        assertNull(outcome.response(), () -> "unexpected response " + outcome.response());
        return outcome.failure();
    }

    /** 300,000 bytes: several times the client's read buffer, so the body arrives over many reads. */
    @Test
    void getsTheStatusHeadersAndBodyTheServerSent() throws Exception {
        try (var server = LocalWebServer.start()) {
            URI url = server.url("/data/x?size=300000");
            HttpResponse response = responseOf(url);
            assertEquals(200, response.status());
            assertEquals("300000", response.header("Content-Length"));
            assertArrayEquals(LocalWebServer.expectedBody(url), response.body());
        }
    }

    @Test
    void returnsAnErrorStatusAsAResponse() throws Exception {
        try (var server = LocalWebServer.start()) {
            assertEquals(503, responseOf(server.url("/status/503")).status());
        }
    }

    @Test
    void returnsARedirectWithItsLocationInsteadOfFollowingIt() throws Exception {
        Site site = Site.generate(42, 150, Duration.ZERO);
        try (var server = LocalWebServer.builder().site(site).start()) {
            String hop = site.reachablePaths().stream().filter(p -> p.startsWith("/site/hop/")).findFirst().orElseThrow();
            HttpResponse response = responseOf(server.url(hop));
            assertEquals(302, response.status());
            String location = response.header("Location");
            assertTrue(location.startsWith("/site/moved/"), location);
            assertEquals(0, server.requests(server.url(location)), "the client did not follow the redirect");
        }
    }

    @Test
    void reusesOneKeptAliveConnectionForRequestsOneAfterAnother() throws Exception {
        try (var server = LocalWebServer.start()) {
            List<Outcome> outcomes = getOneAfterAnother(TIMEOUT,
                    server.url("/data/1"), server.url("/status/404"), server.url("/data/2?size=10"), server.url("/data/3"));
            outcomes.forEach(outcome -> assertNull(outcome.failure()));
            assertEquals(List.of(200, 404, 200, 200), outcomes.stream().map(o -> o.response().status()).toList());
            assertEquals(1, server.connectionsOpened(), "four requests, one connection");
        }
    }

    @Test
    void manyRequestsAtOnceAreAllInFlightTogether() throws Exception {
        int count = 200;
        try (var server = LocalWebServer.builder().latency(TestTimeouts.scaled(Duration.ofMillis(500))).start(); // long enough for all 200 to arrive, even on a busy machine
             var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            List<HttpResponse> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                client.get(server.url("/data/" + i + "?size=100"), TIMEOUT, responses::add,
                        failure -> { throw new AssertionError("request failed", failure); });
            }
            loop.run();
            assertEquals(count, responses.size());
            assertEquals(count, server.maxInFlight(), "one thread, and the server saw all of them waiting at once");
        }
    }

    @Test
    void deliversConnectionRefused() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // nothing listens there once it is closed
        }
        IOException failure = failureOf(URI.create("http://127.0.0.1:" + port + "/"), TIMEOUT);
        assertInstanceOf(ConnectException.class, failure);
        assertEquals(Failure.CONNECTION, Failure.of(failure));
    }

    @Test
    void deliversAResetInTheMiddleOfTheBody() throws Exception {
        try (var server = LocalWebServer.start()) {
            IOException failure = failureOf(server.url("/reset"), TIMEOUT);
            assertEquals(Failure.CONNECTION, Failure.of(failure), failure.toString());
            assertEquals(1, server.requests(server.url("/reset")), "a request whose answer had begun is never retried");
        }
    }

    @Test
    void deliversATimeoutAndClosesTheConnection() throws Exception {
        try (var server = LocalWebServer.start()) {
            IOException failure = failureOf(server.url("/hang"), Duration.ofMillis(200));
            assertInstanceOf(SocketTimeoutException.class, failure);
            assertEquals(Failure.TIMEOUT, Failure.of(failure));
            await().atMost(TestTimeouts.LONG).until(() -> server.connectionsOpen() == 0);
        }
    }

    @Test
    void readsAChunkedAnswerAndKeepsTheConnection() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n";
        try (var server = new CannedServer(List.of(chunked, chunked))) {
            List<Outcome> outcomes = getOneAfterAnother(TIMEOUT, server.url("/a"), server.url("/b"));
            for (Outcome outcome : outcomes) {
                assertEquals("abcdefg", new String(outcome.response().body(), StandardCharsets.US_ASCII));
            }
            assertEquals(1, server.connections());
        }
    }

    @Test
    void deliversAnEndOfStreamInTheMiddleOfTheBodyAsTheCodecsCutShortError() throws Exception {
        try (var server = new CannedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this much"))) {
            IOException failure = failureOf(server.url("/cut"), TIMEOUT);
            assertInstanceOf(ProtocolException.class, failure);
            assertEquals("connection closed after 14 of 100 body bytes", failure.getMessage());
            assertEquals(Failure.CONNECTION, Failure.of(failure));
        }
    }

    @Test
    void readsABodyThatEndsWithTheConnection() throws Exception {
        try (var server = new CannedServer(List.of("HTTP/1.0 200 OK\r\n\r\nall of it"))) {
            assertEquals("all of it", new String(responseOf(server.url("/")).body(), StandardCharsets.US_ASCII));
        }
    }

    /** The server answers once per connection, then closes it: the kept-alive connection is found dead and replaced. */
    @Test
    void sendsAgainOnANewConnectionWhenAKeptAliveOneWasClosedBeforeAnswering() throws Exception {
        try (var server = new CannedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            List<Outcome> outcomes = getOneAfterAnother(TIMEOUT, server.url("/1"), server.url("/2"));
            outcomes.forEach(outcome -> assertEquals(200, outcome.response().status()));
            assertEquals(2, server.connections());
            assertEquals(2, server.requests(), "the dead connection never delivered the second request");
        }
    }

    /**
     * A request far larger than the socket buffers on both sides (the server's receive buffer is
     * made tiny, so the kernel cannot take the request in one go): the client writes what fits,
     * waits for writable, writes the rest, and the server gets every byte, once, in order.
     */
    @Test
    void aRequestLargerThanTheSocketBuffersIsSentWholeAcrossWritableCallbacks() throws Exception {
        // Larger than the most Linux lets a send buffer grow to (net.ipv4.tcp_wmem's maximum, 4 MiB
        // by default) plus the server's tiny receive buffer: one write() cannot take it all.
        String longPath = "/" + "p".repeat(6 << 20);
        try (var server = CannedServer.withTinyReceiveBuffer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            URI url = server.url(longPath);
            List<Outcome> outcomes = new ArrayList<>();
            client.get(url, TestTimeouts.LONG, response -> outcomes.add(new Outcome(response, null)),
                    failure -> outcomes.add(new Outcome(null, failure)));
            loop.run();
            assertEquals(1, outcomes.size());
            // Not the failure's message: it quotes the URL, all six MiB of it.
            assertNull(outcomes.getFirst().failure(), () -> "failed with " + outcomes.getFirst().failure().getClass().getName());
            assertEquals("ok", new String(outcomes.getFirst().response().body(), StandardCharsets.US_ASCII));
            assertTrue(client.writesThatWaited() > 0, "the request did not fit at once, so the writer waited for writable");
            assertEquals(List.of(HttpRequestWriter.get(url, true).length), server.requestHeadLengths(),
                    "the server received the whole request head, once");
        }
    }

    @Test
    void refusesHttpsWithAFailureNotAnException() {
        IOException failure = failureOf(URI.create("https://127.0.0.1:1/"), TIMEOUT);
        assertTrue(failure.getMessage().contains("http:// only"), failure.getMessage());
    }
}
