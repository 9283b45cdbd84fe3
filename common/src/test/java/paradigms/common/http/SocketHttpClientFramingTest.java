package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static paradigms.common.http.CannedServer.write;

/**
 * The socket client against raw, canned answers: how a body is framed decides whether the
 * connection is kept, and a kept connection that the server closed while idle is retried once.
 */
@Timeout(60)
class SocketHttpClientFramingTest {

    private static final Duration GENEROUS = TestTimeouts.scaled(Duration.ofSeconds(10));

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.US_ASCII);
    }

    @Test
    void aChunkedBodyIsAssembledAndItsConnectionReused() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            while (self[0].readRequest(in) != null) {
                write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
            }
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/chunked");
            assertEquals("hello, world", text(client.get(url, GENEROUS)));
            assertEquals("hello, world", text(client.get(url, GENEROUS)));
            assertEquals(1, server.connections(), "both answers on one connection");
            assertEquals(1, client.idleConnections(url));
        }
    }

    @Test
    void aBodyEndedByTheCloseIsWholeAndItsConnectionNotKept() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            self[0].readRequest(in);
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the close");
            socket.shutdownOutput(); // FIN: the end of the body
            in.transferTo(OutputStream.nullOutputStream()); // until the client closes its side
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/close-delimited");
            HttpResponse response = client.get(url, GENEROUS);
            assertEquals("until the close", text(response));
            assertEquals(false, response.keepAlive());
            assertEquals(0, client.openConnections());
            assertEquals("until the close", text(client.get(url, GENEROUS)));
            assertEquals(2, server.connections());
        }
    }

    @Test
    void connectionCloseAndHttp10AnswersAreNotReused() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            self[0].readRequest(in);
            write(out, index % 2 == 0
                    ? "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
                    : "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
            self[0].readRequest(in); // a client that reused the connection would be left hanging here
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/once");
            for (int i = 0; i < 4; i++) {
                assertEquals("ok", text(client.get(url, GENEROUS)));
            }
            assertEquals(4, server.connections());
            assertEquals(0, client.openConnections());
        }
    }

    @Test
    void bytesLeftOverAfterAnAnswerMeanTheConnectionIsNotReused() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            while (self[0].readRequest(in) != null) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra");
            }
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/extra");
            assertEquals("ok", text(client.get(url, GENEROUS)));
            assertEquals("ok", text(client.get(url, GENEROUS)), "not the stray \"extra\" answer");
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aKeptConnectionTheServerClosedWhileIdleIsRetriedOnceOnANewOne() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            self[0].readRequest(in);
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + (index + 1) + "\r\n\r\n" + "x".repeat(index + 1));
            // then close at once, though the answer said keep-alive: as a server's idle timeout would
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/stale");
            assertEquals("x", text(client.get(url, GENEROUS)));
            // The pooled connection is dead; the client finds out on its first read and asks again.
            assertEquals("xx", text(client.get(url, GENEROUS)));
            assertEquals(2, server.connections());
            assertEquals(2, server.requests(), "the second GET was answered once, on the new connection");
        }
    }

    @Test
    void theRetryIsOnlyOnceAndOnlyForAReusedConnection() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            self[0].readRequest(in);
            if (index == 0) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            } // every later connection closes without a byte
        }); var client = new SocketHttpClient()) {
            URI url = server.url("/dies");
            assertEquals("ok", text(client.get(url, GENEROUS)));
            var cut = assertThrows(ProtocolException.class, () -> client.get(url, GENEROUS));
            assertEquals(2, server.connections(), "the stale one, then exactly one new connection: " + cut.getMessage());
            assertThrows(ProtocolException.class, () -> client.get(url, GENEROUS), "a fresh connection is not retried");
            assertEquals(3, server.connections());
        }
    }

    @Test
    void anAnswerCutShortIsAFailureAndItsConnectionClosed() throws Exception {
        CannedServer[] self = new CannedServer[1];
        try (var server = self[0] = new CannedServer((index, socket, in, out) -> {
            self[0].readRequest(in);
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf!");
        }); var client = new SocketHttpClient()) {
            IOException cut = assertThrows(ProtocolException.class, () -> client.get(server.url("/cut"), GENEROUS));
            assertEquals(0, client.openConnections(), cut.getMessage());
        }
    }

}
