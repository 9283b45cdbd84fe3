package paradigms.common.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.http.SentAt;
import paradigms.common.http.SocketHttpClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture has to be right before anything measured against it means something. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class LocalWebServerTest {

    @Test
    void servesDeterministicBodiesAndCountsEachRequest() throws Exception {
        try (var server = LocalWebServer.start();
             var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI url = server.url("/data/x?size=1000");
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode());
                assertArrayEquals(LocalWebServer.expectedBody(url), response.body());
            }
            assertEquals(3, server.requests(url));
            assertEquals(1, server.connectionsOpened(), "the client kept its one connection alive");
        }
    }

    @Test
    void everyAnswerCarriesTheSentAtStampTakenAfterItsLatencyAndLaterAnswersLaterStamps() throws Exception {
        Duration latency = Duration.ofMillis(30);
        try (var server = LocalWebServer.builder().latency(latency).start();
             var client = new SocketHttpClient(1)) {
            long previous = Long.MIN_VALUE;
            for (String path : List.of("/data/a", "/status/500", "/nothing/here", "/slow/b?pieces=2&pause=1", "/data/c")) {
                long asked = System.nanoTime();
                SentAtResponse answer = SentAtResponse.of(client.get(server.url(path), TestTimeouts.LONG));
                long answered = System.nanoTime();
                assertTrue(answer.sentAt() - asked >= latency.toNanos(),
                        path + ": stamped after the server waited out its latency");
                assertTrue(answer.sentAt() <= answered, path + ": stamped before the client had the answer");
                assertTrue(answer.sentAt() > previous, path + ": a later answer has a later stamp");
                previous = answer.sentAt();
            }
        }
    }

    /** The stamp of an answer that must have one. */
    private record SentAtResponse(long sentAt) {
        static SentAtResponse of(paradigms.common.http.HttpResponse response) {
            return new SentAtResponse(response.sentAtNanos().orElseThrow(
                    () -> new AssertionError("no " + SentAt.HEADER + " in " + response.headers())));
        }
    }

    @Test
    void answersStatusCodesAndUnknownPaths() throws Exception {
        try (var server = LocalWebServer.start()) {
            assertEquals("HTTP/1.1 503 Service Unavailable", RawHttp.statusLine(server.url("/status/503")));
            assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(server.url("/nothing/here")));
            assertEquals("HTTP/1.1 400 Bad Request", RawHttp.statusLine(server.url("/status/abc")));
        }
    }

    @Test
    void resetsTheConnectionInTheMiddleOfTheAnswer() throws Exception {
        try (var server = LocalWebServer.start(); var socket = new Socket("127.0.0.1", server.port())) {
            RawHttp.send(socket.getOutputStream(), server.url("/reset"), false);
            var in = socket.getInputStream();
            var head = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 200 OK", head.readLine(), "the answer begins");
            var error = assertThrows(SocketException.class, () -> {
                while (head.read() != -1) {
                    // an RST ends this loop with an exception, a polite close with -1
                }
            });
            assertTrue(error.getMessage().contains("reset"), error.getMessage());
        }
    }

    @Test
    void aHungRequestEndsWhenTheServerCloses() throws Exception {
        var server = LocalWebServer.start();
        try (var socket = new Socket("127.0.0.1", server.port())) {
            RawHttp.send(socket.getOutputStream(), server.url("/hang"), false);
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == 1);
            server.close();
            assertEquals(-1, socket.getInputStream().read(), "closed without an answer");
            assertEquals(0, server.connectionsOpen());
        }
    }

    @Test
    void aSiteAnswersPagesRedirectsAndMissingPaths() throws Exception {
        Site site = Site.generate(1, 50, Duration.ZERO);
        try (var server = LocalWebServer.builder().site(site).start()) {
            assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(server.siteRoot()));
            String moved = site.reachablePaths().stream().filter(p -> p.startsWith("/site/moved/")).findFirst().orElseThrow();
            assertEquals("HTTP/1.1 301 Moved Permanently", RawHttp.statusLine(server.url(moved)));
            assertEquals("HTTP/1.1 404 Not Found", RawHttp.statusLine(server.url("/site/page/100000")));
        }
    }

    /**
     * The fixture must not be the bottleneck: 1,000 slow requests can all be in flight at once
     * (one parked virtual thread each on the server side). Each asks for a 60 s delay, so none
     * finishes while the others arrive, however busy the machine; once all 1,000 are counted,
     * closing the server ends them.
     */
    @Test
    void holdsAThousandSlowRequestsInFlightAtOnce() throws Exception {
        int clients = 1_000;
        var server = LocalWebServer.start();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                URI url = server.url("/data/" + i + "?size=100&delay=60000");
                answers.add(pool.submit(() -> {
                    try (var socket = new Socket("127.0.0.1", server.port())) {
                        RawHttp.send(socket.getOutputStream(), url, true);
                        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    }
                }));
            }
            await().atMost(TestTimeouts.LONG).until(() -> server.inFlight() == clients);
            assertEquals(clients, server.maxInFlight());
            assertEquals(clients, server.connectionsOpened());
            server.close();
            for (Future<String> answer : answers) {
                assertEquals(null, answer.get(), "closed without an answer");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void jitterIsTheSameForTheSameSeedAndTargetAndStaysWithinItsBound() throws IOException {
        Duration latency = Duration.ofMillis(5);
        Duration jitter = Duration.ofMillis(50);
        try (var a = LocalWebServer.builder().latency(latency).jitter(jitter, 9).start();
             var b = LocalWebServer.builder().latency(latency).jitter(jitter, 9).start();
             var otherSeed = LocalWebServer.builder().latency(latency).jitter(jitter, 10).start()) {
            Set<Duration> distinct = new HashSet<>();
            int differentWithOtherSeed = 0;
            for (int i = 0; i < 20; i++) {
                String target = "/data/" + i;
                Duration delay = a.latencyFor(target);
                assertEquals(delay, b.latencyFor(target), "the same seed and target: the same delay, so a run can be repeated");
                assertTrue(delay.compareTo(latency) >= 0 && delay.compareTo(latency.plus(jitter)) <= 0,
                        target + ": " + delay + " within latency + [0, jitter]");
                distinct.add(delay);
                if (!otherSeed.latencyFor(target).equals(delay)) {
                    differentWithOtherSeed++;
                }
            }
            assertTrue(distinct.size() > 10, "targets are delayed differently: " + distinct.size() + " distinct delays of 20");
            assertTrue(differentWithOtherSeed > 10, "another seed, other delays: " + differentWithOtherSeed + " of 20 differ");

            // And the server really waits it: the answer comes no sooner than the delay (a lower bound only).
            long started = System.nanoTime();
            assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(a.url("/data/7")));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(a.latencyFor("/data/7")) >= 0, "answered after " + took + ", delay " + a.latencyFor("/data/7"));
        }
    }
}
