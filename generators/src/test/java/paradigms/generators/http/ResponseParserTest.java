package paradigms.generators.http;

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

/** The response parser alone: bytes in, in pieces of any size; a response out. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ResponseParserTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Name: a\r\nx-name: b\r\n\r\n"
            + "4\r\nWiki\r\n5;ext\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n";
    private static final String FIXED = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found";

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static HttpResponse parseInPiecesOf(String text, int piece) throws Exception {
        var parser = new ResponseParser();
        byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int from = 0; from < all.length; from += piece) {
            boolean complete = parser.feed(ByteBuffer.wrap(all, from, Math.min(piece, all.length - from)));
            assertEquals(from + piece >= all.length, complete, "complete exactly at the last byte (piece " + piece + ")");
        }
        return parser.response();
    }

    @Test
    void aResponseFedInPiecesOfAnySizeParsesTheSameAsOneFedWhole() throws Exception {
        for (int piece = 1; piece <= CHUNKED.length(); piece++) {
            HttpResponse chunked = parseInPiecesOf(CHUNKED, piece);
            assertEquals("Wikipedia in\r\n\r\nchunks.", new String(chunked.body(), StandardCharsets.US_ASCII));
            assertEquals(java.util.List.of("a", "b"), chunked.headers().get("x-name"), "repeated headers kept, in order, name in any case");
        }
        for (int piece = 1; piece <= FIXED.length(); piece++) {
            HttpResponse fixed = parseInPiecesOf(FIXED, piece);
            assertEquals(404, fixed.status());
            assertEquals("not found", new String(fixed.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void bytesAfterTheResponseAreLeftInTheBuffer() throws Exception {
        var parser = new ResponseParser();
        ByteBuffer in = bytes(FIXED + "HTTP/1.1 200");
        assertTrue(parser.feed(in));
        assertEquals("HTTP/1.1 200", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void anInterimResponseIsSkippedAndA204HasNoBody() throws Exception {
        var parser = new ResponseParser();
        assertTrue(parser.feed(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")));
        assertEquals(204, parser.response().status());
        assertEquals(0, parser.response().body().length);
        assertTrue(parser.keepAlive());
    }

    @Test
    void connectionCloseAndHttp10EndKeepAlive() throws Exception {
        var closing = new ResponseParser();
        closing.feed(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));
        assertFalse(closing.keepAlive());
        var old = new ResponseParser();
        old.feed(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertFalse(old.keepAlive());
    }

    @Test
    void aCutShortResponseIsAnEofAndGarbageIsAProtocolError() throws Exception {
        var cut = new ResponseParser();
        assertFalse(cut.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")));
        assertTrue(cut.receivedAnything());
        var eof = assertThrows(EOFException.class, cut::endOfStream);
        assertTrue(eof.getMessage().contains("FIXED_BODY"), eof.getMessage());

        assertFalse(new ResponseParser().receivedAnything());
        assertThrows(ProtocolException.class, () -> new ResponseParser().feed(bytes("SSH-2.0-OpenSSH\r\n")));
        assertThrows(ProtocolException.class, () -> new ResponseParser().feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")));
    }
}
