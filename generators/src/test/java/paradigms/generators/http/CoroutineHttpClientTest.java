package paradigms.generators.http;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.http.HttpResponse;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coroutine HTTP client against the course's web server and against canned answers. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class CoroutineHttpClientTest {

    private static final Duration TIMEOUT = TestTimeouts.scaled(Duration.ofSeconds(5));

    /** A loop, its scheduler and a client on it, closed together. */
    private static final class Rig implements AutoCloseable {
        final EventLoop loop = new EventLoop();
        final Scheduler scheduler = new Scheduler(loop);
        final CoroutineHttpClient client = new CoroutineHttpClient(scheduler);

        <T> T run(Coroutine<T> main) {
            return scheduler.run(main);
        }

        @Override
        public void close() {
            client.close();
            loop.close();
        }
    }

    private static HttpResponse get(URI url) {
        try (var rig = new Rig()) {
            return rig.run(rig.client.get(url, TIMEOUT));
        }
    }

    /** {@code for url in urls: responses.append(yield from client.get(url))} — one after another, on one connection. */
    static final class OneAfterAnother extends Coroutine<List<HttpResponse>> {
        private final CoroutineHttpClient client;
        private final List<URI> urls;
        private final List<HttpResponse> responses = new ArrayList<>();

        OneAfterAnother(CoroutineHttpClient client, List<URI> urls) {
            this.client = client;
            this.urls = urls;
        }

        @Override
        protected Step<List<HttpResponse>> resume(Object sent) {
            if (sent != null) {
                responses.add((HttpResponse) sent);
            }
            return responses.size() == urls.size() ? returning(responses) : yieldFrom(client.get(urls.get(responses.size()), TIMEOUT));
        }

        @Override
        public String state() {
            return "GOT " + responses.size();
        }
    }

    /** {@code yield Delay(d); dumps.append(scheduler.dump())}: a look at the lists while the others wait. */
    static final class DumpLater extends Coroutine<Void> {
        private final Scheduler scheduler;
        private final Duration delay;
        private final List<String> dumps;
        private boolean slept;

        DumpLater(Scheduler scheduler, Duration delay, List<String> dumps) {
            this.scheduler = scheduler;
            this.delay = delay;
            this.dumps = dumps;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (!slept) {
                slept = true;
                return sleep(delay);
            }
            dumps.add(scheduler.dump());
            return returning(null);
        }

        @Override
        public String state() {
            return slept ? "SLEPT" : "START";
        }
    }

    @Test
    void aContentLengthBodyArrivesWholeAcrossManyReads() throws Exception {
        try (var server = LocalWebServer.start()) {
            URI url = server.url("/data/big?size=300000");
            HttpResponse response = get(url);
            assertEquals(200, response.status());
            assertArrayEquals(LocalWebServer.expectedBody(url), response.body());
        }
    }

    @Test
    void aChunkedBodyIsPutTogetherAndItsExtensionsAndTrailersSkipped() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: ignored\r\n\r\n";
        try (var server = new CannedServer(chunked, false)) {
            HttpResponse response = get(server.url("/"));
            assertEquals("hello, world", new String(response.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBodyWithoutLengthEndsWhenTheServerClosesAndThatConnectionIsNotKept() throws Exception {
        try (var server = new CannedServer("HTTP/1.0 200 OK\r\n\r\nuntil the end", true); var rig = new Rig()) {
            HttpResponse response = rig.run(rig.client.get(server.url("/"), TIMEOUT));
            assertEquals("until the end", new String(response.body(), StandardCharsets.US_ASCII));
            assertEquals(0, rig.client.idleConnections(), "a connection the server closed is not kept");
        }
    }

    @Test
    void requestsOneAfterAnotherReuseOneKeptAliveConnection() throws Exception {
        try (var server = LocalWebServer.start(); var rig = new Rig()) {
            List<URI> urls = List.of(server.url("/data/1"), server.url("/data/2?size=10"), server.url("/status/404"), server.url("/data/3"));
            List<HttpResponse> responses = rig.run(new OneAfterAnother(rig.client, urls));
            assertEquals(List.of(200, 200, 404, 200), responses.stream().map(HttpResponse::status).toList());
            assertEquals(1, rig.client.connectionsOpened(), "the client opened one connection");
            assertEquals(1, server.connectionsOpened(), "the server saw one connection");
            assertEquals(1, rig.client.idleConnections(), "and it is kept for the next request");
        }
    }

    @Test
    void aRedirectIsReturnedWithItsLocationNotFollowed() throws Exception {
        Site site = Site.generate(42, 150, Duration.ZERO);
        try (var server = LocalWebServer.builder().site(site).start()) {
            String moved = site.reachablePaths().stream().filter(p -> p.startsWith("/site/moved/")).findFirst().orElseThrow();
            HttpResponse response = get(server.url(moved));
            assertEquals(301, response.status());
            String location = response.location();
            assertTrue(location.startsWith("/site/page/"), location);
            assertEquals(0, server.requests(server.url(location)), "the client did not follow it");
        }
    }

    @Test
    void anExchangeOverItsTimeLimitFailsWithATimeoutAndItsConnectionIsClosed() throws Exception {
        try (var server = LocalWebServer.start()) {
            List<String> dumps = new ArrayList<>();
            CompletionException failure;
            try (var rig = new Rig()) {
                rig.scheduler.watchTicks(dumps::add);
                rig.scheduler.spawn(new DumpLater(rig.scheduler, Duration.ofMillis(100), dumps));
                failure = assertThrows(CompletionException.class, () -> rig.run(rig.client.get(server.url("/hang"), Duration.ofMillis(300))));
            }
            var timeout = assertInstanceOf(TimeoutException.class, failure.getCause());
            assertTrue(timeout.getMessage().contains("GET /hang: no result within 300 ms"), timeout.getMessage());
            assertTrue(dumps.stream().anyMatch(d -> d.contains("GET /hang at RECEIVING <- readable socket to 127.0.0.1:" + server.port())),
                    "a dump taken meanwhile shows the exchange waiting for its socket: " + dumps);
            assertTrue(dumps.stream().anyMatch(d -> d.contains("GET /hang at RECEIVING <- cancelled")),
                    "a tick's dump shows it cancelled when the time is up: " + dumps);
            await().atMost(TestTimeouts.scaled(Duration.ofSeconds(5))).until(() -> server.connectionsOpen() == 0);
        }
    }

    @Test
    void aRefusedConnectionFailsWithConnectException() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free once closed: nothing listens there
        }
        var failure = assertThrows(CompletionException.class, () -> get(URI.create("http://127.0.0.1:" + port + "/")));
        assertInstanceOf(ConnectException.class, failure.getCause());
    }

    @Test
    void aBodyCutShortFailsWithTheCodecsProtocolExceptionSayingWhere() throws Exception {
        try (var server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this much", true)) {
            var failure = assertThrows(CompletionException.class, () -> get(server.url("/cut")));
            var cut = assertInstanceOf(ProtocolException.class, failure.getCause());
            assertEquals("connection closed after 14 of 100 body bytes", cut.getMessage());
            assertEquals(1, server.requests(), "an answer had begun: never sent again");
        }
    }

    @Test
    void aKeptAliveConnectionTheServerClosedMeanwhileIsReplacedOnce() throws Exception {
        // The server says nothing about closing, keeps nothing open: the pooled connection is dead when reused.
        try (var server = new CannedServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true)) {
            List<HttpResponse> responses;
            try (var rig = new Rig()) {
                responses = rig.run(new OneAfterAnother(rig.client, List.of(server.url("/a"), server.url("/b"))));
            }
            assertEquals(2, responses.size());
            assertEquals(2, server.connections(), "the second request went again, on a new connection");
            assertEquals(2, server.requests(), "each request reached the server once");
        }
    }

}
