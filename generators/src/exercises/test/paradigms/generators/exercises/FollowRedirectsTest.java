package paradigms.generators.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.http.HttpResponse;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.exercises.Scenes.Catching;
import paradigms.generators.exercises.Scenes.Outcome;
import paradigms.generators.http.CoroutineHttpClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code follow-redirects} (generators/README.md, Exercises for
 * you, 3): {@link FollowRedirects} against a tiny local server — chains followed to their end,
 * relative locations, 303, a loop stopped at the limit, responses that are not redirects
 * returned as they are, a failure passed on.
 */
@Tag("exercise")
@Tag("follow-redirects")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FollowRedirectsTest {

    private final RedirectServer server;
    private final EventLoop loop = new EventLoop();
    private final Scheduler scheduler = new Scheduler(loop);
    private final CoroutineHttpClient client = new CoroutineHttpClient(scheduler);

    FollowRedirectsTest() throws IOException {
        server = new RedirectServer();
    }

    @AfterEach
    void closeEverything() throws IOException {
        client.close();
        loop.close();
        server.close();
        assertEquals(List.of(), server.failures(), "the test server's own threads failed");
    }

    @Test
    void aChainOfRedirectsIsFollowedToItsEndOnceEach() {
        HttpResponse response = follow("/chain/3", 5);

        assertEquals(200, response.status());
        assertEquals("end", body(response));
        for (int n = 3; n >= 0; n--) {
            assertEquals(1, server.requests("/chain/" + n), "/chain/" + n + " fetched once");
        }
    }

    @Test
    void aRelativeLocationIsResolvedAgainstTheUrlThatAnswered() {
        HttpResponse response = follow("/rel/x", 5); // 301 to ../chain/1, then 302 to /chain/0

        assertEquals(200, response.status());
        assertEquals(1, server.requests("/chain/1"));
        assertEquals(1, server.requests("/chain/0"));
    }

    @Test
    void aSeeOtherIsFollowedToo() {
        assertEquals("end", body(follow("/see-other", 1)));
    }

    @Test
    void exactlyMaxRedirectsAreFollowedAndTheNextOneFails() {
        assertEquals("end", body(follow("/chain/2", 2)), "two redirects, two allowed");

        Outcome outcome = scheduler.run(new Catching(new FollowRedirects(client, server.url("/loop/a"), timeout(), 5)));

        var tooMany = assertInstanceOf(ProtocolException.class, outcome.thrown());
        assertTrue(tooMany.getMessage().contains("too many redirects") && tooMany.getMessage().contains("5"),
                "the message says what went wrong and the limit: " + tooMany.getMessage());
        assertEquals(6, server.requests("/loop/a") + server.requests("/loop/b"),
                "a loop ends after maxRedirects + 1 requests");
    }

    @Test
    void withNoRedirectsAllowedTheFirstOneFails() {
        Outcome outcome = scheduler.run(new Catching(new FollowRedirects(client, server.url("/chain/1"), timeout(), 0)));

        assertInstanceOf(ProtocolException.class, outcome.thrown());
        assertEquals(1, server.totalRequests());
    }

    @Test
    void responsesThatAreNotRedirectsAreReturnedAsTheyAre() {
        HttpResponse noLocation = follow("/no-location", 5);
        assertEquals(302, noLocation.status(), "a 3xx without Location is not a redirect to follow");
        assertNull(noLocation.location());
        assertEquals(404, follow("/missing", 5).status());
        assertEquals(2, server.totalRequests());
    }

    @Test
    void aFailedGetComesOutAsItIs() throws IOException {
        URI nobodyThere;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyThere = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/chain/1");
        }
        Outcome outcome = scheduler.run(new Catching(new FollowRedirects(client, nobodyThere, timeout(), 5)));

        assertInstanceOf(ConnectException.class, outcome.thrown(), "refused, as the GET failed: " + outcome.thrown());
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        URI url = server.url("/chain/0");
        new FollowRedirects(client, url, timeout(), 0); // a valid call is accepted
        assertNames("maxRedirects", assertThrows(IllegalArgumentException.class, () -> new FollowRedirects(client, url, timeout(), -1)));
        assertNames("client", assertThrows(NullPointerException.class, () -> new FollowRedirects(null, url, timeout(), 5)));
        assertNames("url", assertThrows(NullPointerException.class, () -> new FollowRedirects(client, null, timeout(), 5)));
        assertNames("timeout", assertThrows(NullPointerException.class, () -> new FollowRedirects(client, url, null, 5)));
    }

    private HttpResponse follow(String path, int maxRedirects) {
        return scheduler.run(new FollowRedirects(client, server.url(path), timeout(), maxRedirects));
    }

    private static Duration timeout() {
        return TestTimeouts.scaled(Duration.ofSeconds(10));
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.US_ASCII);
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
