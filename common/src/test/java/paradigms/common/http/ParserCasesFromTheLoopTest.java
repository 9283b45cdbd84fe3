package paradigms.common.http;

import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paradigms.common.http.ResponseParserTest.ascii;

/**
 * Cases the event-loop chapters' clients were tested with before they drove this codec, kept
 * because the codec's other tests do not cover them: a chunk whose data looks like the end of
 * a line or of the head, hexadecimal sizes in capitals, pieces of every size (a socket read
 * returns whatever it has, not one byte and not "the rest"), and an interim answer before one
 * that has no body.
 */
class ParserCasesFromTheLoopTest {

    /**
     * The third chunk, {@code E} (14) bytes, holds {@code " in\r\n\r\nchunks."}: a parser that
     * looked for CR LF inside chunk data instead of counting bytes would end the chunk, or the
     * response, too early.
     */
    private static final String CHUNKS_THAT_LOOK_LIKE_LINE_ENDS = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n";

    @Test
    void chunkDataIsCountedNotScannedForLineEndsWhateverSizeThePiecesAre() throws ProtocolException {
        byte[] wire = ascii(CHUNKS_THAT_LOOK_LIKE_LINE_ENDS);
        for (int piece = 1; piece <= wire.length; piece++) {
            var parser = new ResponseParser(HttpMethod.GET);
            for (int from = 0; from < wire.length; from += piece) {
                boolean complete = parser.feed(ByteBuffer.wrap(wire, from, Math.min(piece, wire.length - from)));
                assertEquals(from + piece >= wire.length, complete, "complete exactly with the last piece (pieces of " + piece + ")");
            }
            assertArrayEquals(ascii("Wikipedia in\r\n\r\nchunks."), parser.response().body(), "pieces of " + piece);
        }
    }

    @Test
    void anInterimAnswerBeforeA204LeavesTheHeadersOfThe204AndNoBody() throws ProtocolException {
        var parser = new ResponseParser(HttpMethod.GET);
        ByteBuffer in = ByteBuffer.wrap(ascii("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n"));
        assertTrue(parser.feed(in));
        HttpResponse response = parser.response();
        assertEquals(204, response.status());
        assertEquals("b", response.header("x-a"));
        assertEquals(List.of(), response.headerValues("X-Interim"), "the interim answer's headers are dropped with it");
        assertEquals(0, response.bodyLength());
        assertTrue(response.keepAlive());
        assertEquals(0, in.remaining());
    }
}
