package paradigms.callbacks.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.io.EOFException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response parser is fed bytes as a socket delivers them: in pieces that split lines,
 * headers and chunk sizes anywhere. Each test cuts its response at every possible point.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class ResponseParserTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "5\r\nhello\r\n"
            + "1;name=value\r\n,\r\n"
            + "6\r\n world\r\n"
            + "0\r\n"
            + "Expires: never\r\n"
            + "\r\n";

    @Test
    void readsAChunkedBodyWhereverTheBytesAreCut() throws Exception {
        for (int cut = 0; cut <= CHUNKED.length(); cut++) {
            ResponseParser parser = new ResponseParser();
            ByteBuffer first = ascii(CHUNKED.substring(0, cut));
            ByteBuffer second = ascii(CHUNKED.substring(cut));
            boolean done = parser.feed(first) | parser.feed(second);
            assertTrue(done, "complete when cut at " + cut);
            Response response = parser.response();
            assertEquals(200, response.status());
            assertEquals("hello, world", new String(response.body(), StandardCharsets.US_ASCII), "cut at " + cut);
            assertEquals("text/plain", response.header("content-type"));
            assertTrue(parser.keepAlive());
        }
    }

    @Test
    void readsAChunkedBodyFedOneByteAtATime() throws Exception {
        ResponseParser parser = new ResponseParser();
        byte[] bytes = CHUNKED.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            boolean done = parser.feed(ByteBuffer.wrap(bytes, i, 1));
            assertEquals(i == bytes.length - 1, done, "complete only after the last byte, byte " + i);
        }
        assertEquals("hello, world", new String(parser.response().body(), StandardCharsets.US_ASCII));
    }

    @Test
    void readsAContentLengthBodyWhereverTheBytesAreCut() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-Name: a\r\n\r\nhello, world";
        for (int cut = 0; cut <= response.length(); cut++) {
            ResponseParser parser = new ResponseParser();
            boolean doneAfterFirst = parser.feed(ascii(response.substring(0, cut)));
            assertEquals(cut == response.length(), doneAfterFirst, "complete only with the last byte, cut at " + cut);
            boolean done = doneAfterFirst || parser.feed(ascii(response.substring(cut)));
            assertTrue(done, "complete when cut at " + cut);
            assertEquals("hello, world", new String(parser.response().body(), StandardCharsets.US_ASCII), "cut at " + cut);
            assertEquals("a", parser.response().header("x-name"));
        }
    }

    @Test
    void readsAContentLengthBodyAndLeavesTheNextResponsesBytesInTheBuffer() throws Exception {
        ResponseParser parser = new ResponseParser();
        ByteBuffer in = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nLocation: /x\r\n\r\ngoneHTTP/1.1 200 OK\r\n");
        assertTrue(parser.feed(in));
        assertEquals(404, parser.response().status());
        assertEquals("gone", new String(parser.response().body(), StandardCharsets.US_ASCII));
        assertEquals("/x", parser.response().header("Location"));
        assertEquals("HTTP/1.1 200 OK\r\n", StandardCharsets.US_ASCII.decode(in).toString(), "the rest is left unread");
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnectionAndTheConnectionIsNotReused() throws Exception {
        ResponseParser parser = new ResponseParser();
        assertFalse(parser.feed(ascii("HTTP/1.0 200 OK\r\n\r\nuntil the end")));
        assertTrue(parser.endOfStream());
        assertEquals("until the end", new String(parser.response().body(), StandardCharsets.US_ASCII));
        assertFalse(parser.keepAlive());
    }

    @Test
    void connectionCloseAndHttp10MeanNoReuse() throws Exception {
        ResponseParser close = new ResponseParser();
        assertTrue(close.feed(ascii("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")));
        assertFalse(close.keepAlive());

        ResponseParser old = new ResponseParser();
        assertTrue(old.feed(ascii("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")));
        assertFalse(old.keepAlive());

        ResponseParser oldKeepAlive = new ResponseParser();
        assertTrue(oldKeepAlive.feed(ascii("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")));
        assertTrue(oldKeepAlive.keepAlive());
    }

    @Test
    void skipsAnInformationalResponse() throws Exception {
        ResponseParser parser = new ResponseParser();
        assertTrue(parser.feed(ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n")));
        assertEquals(204, parser.response().status());
        assertEquals("b", parser.response().header("x-a"));
        assertEquals(0, parser.response().body().length);
    }

    @Test
    void anEndOfStreamInTheMiddleOfTheBodyIsAnError() throws Exception {
        ResponseParser parser = new ResponseParser();
        assertFalse(parser.feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")));
        EOFException cut = assertThrows(EOFException.class, parser::endOfStream);
        assertEquals("connection closed after 4 of 10 body bytes", cut.getMessage());
    }

    @Test
    void anEndOfStreamBeforeAnyByteSaysSo() {
        ResponseParser parser = new ResponseParser();
        assertFalse(parser.sawAnyByte());
        EOFException none = assertThrows(EOFException.class, parser::endOfStream);
        assertTrue(none.getMessage().contains("before any byte"), none.getMessage());
    }

    @Test
    void bytesThatAreNotHttpAreAProtocolError() {
        assertThrows(ProtocolException.class, () -> new ResponseParser().feed(ascii("SSH-2.0-OpenSSH\r\n")));
        assertThrows(ProtocolException.class, () -> new ResponseParser().feed(ascii("HTTP/1.1 200 OK\r\nno colon\r\n")));
        assertThrows(ProtocolException.class,
                () -> new ResponseParser().feed(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")));
        assertThrows(ProtocolException.class,
                () -> new ResponseParser().feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")));
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
