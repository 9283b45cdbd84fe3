package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of body, cut into pieces every way: the parser's answer never depends on how the
 * bytes arrived, and it never takes a byte of the next response.
 */
class ResponseParserTest {

    /** One response on the wire and what it must parse to. */
    record Sample(String name, HttpMethod method, String wire, HttpResponse expected, boolean closeDelimited) {
        byte[] bytes() {
            return ascii(wire);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample("Content-Length", HttpMethod.GET,
                        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello",
                        new HttpResponse("HTTP/1.1", 200, "OK", headers("content-length", "5", "x-a", "1", "x-a", "2"),
                                ascii("hello"), true), false),
                new Sample("chunked with an extension and a trailer", HttpMethod.GET,
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
                                + "5;name=value\r\nhello\r\n7 ; ext\r\n, world\r\n0\r\nX-Sum: abc\r\n\r\n",
                        new HttpResponse("HTTP/1.1", 200, "OK", headers("transfer-encoding", "chunked", "trailer", "X-Sum"),
                                ascii("hello, world"), true), false),
                new Sample("close-delimited", HttpMethod.GET,
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end\r\n",
                        new HttpResponse("HTTP/1.1", 200, "OK", headers("content-type", "text/plain"),
                                ascii("until the end\r\n"), false), true),
                new Sample("HEAD", HttpMethod.HEAD,
                        "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n",
                        new HttpResponse("HTTP/1.1", 200, "OK", headers("content-length", "1234"), new byte[0], true), false),
                new Sample("204", HttpMethod.GET,
                        "HTTP/1.1 204 No Content\r\n\r\n",
                        new HttpResponse("HTTP/1.1", 204, "No Content", headers(), new byte[0], true), false),
                new Sample("304", HttpMethod.GET,
                        "HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\nETag: \"x\"\r\n\r\n",
                        new HttpResponse("HTTP/1.1", 304, "Not Modified", headers("content-length", "99", "etag", "\"x\""),
                                new byte[0], true), false),
                new Sample("1xx then 200", HttpMethod.GET,
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                        new HttpResponse("HTTP/1.1", 200, "OK", headers("content-length", "2"), ascii("ok"), true), false),
                new Sample("HTTP/1.0 with keep-alive", HttpMethod.GET,
                        "HTTP/1.0 200 OK\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabc",
                        new HttpResponse("HTTP/1.0", 200, "OK", headers("content-length", "3", "connection", "keep-alive"),
                                ascii("abc"), true), false),
                new Sample("bare LF line ends and no reason phrase", HttpMethod.GET,
                        "HTTP/1.1 404\nContent-Length: 1\n\nx",
                        new HttpResponse("HTTP/1.1", 404, "", headers("content-length", "1"), ascii("x"), true), false));
    }

    /** A response that follows another on the same connection. */
    private static final String NEXT = "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\nnext";

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void oneBufferGivesTheExpectedResponse(Sample sample) throws ProtocolException {
        assertEquals(sample.expected(), parse(sample, List.of(sample.bytes())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyCutIntoTwoPiecesGivesTheSameResponse(Sample sample) throws ProtocolException {
        byte[] bytes = sample.bytes();
        for (int cut = 0; cut <= bytes.length; cut++) {
            HttpResponse response = parse(sample, List.of(Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length)));
            assertEquals(sample.expected(), response, "cut at byte " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void oneByteAtATimeGivesTheSameResponseAndCompletesOnTheLastByte(Sample sample) throws ProtocolException {
        byte[] bytes = sample.bytes();
        var parser = new ResponseParser(sample.method());
        for (int i = 0; i < bytes.length; i++) {
            assertEquals(ResponseParser.Progress.NEEDS_BYTES, parser.progress(), "before byte " + i);
            boolean complete = parser.feed(ByteBuffer.wrap(bytes, i, 1));
            assertEquals(!sample.closeDelimited() && i == bytes.length - 1, complete, "after byte " + i);
        }
        if (sample.closeDelimited()) {
            parser.endOfInput();
        }
        assertEquals(ResponseParser.Progress.COMPLETE, parser.progress());
        assertEquals(sample.expected(), parser.response());
    }

    /** Both responses in the bytes, cut anywhere: the first parser leaves exactly the second's bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pipelinedResponsesAreSeparatedExactlyWhereverTheBytesAreCut(Sample sample) throws ProtocolException {
        if (sample.closeDelimited()) {
            return; // a close-delimited body swallows what follows: see the next test
        }
        byte[] both = concat(sample.bytes(), ascii(NEXT));
        HttpResponse next = new HttpResponse("HTTP/1.1", 201, "Created", headers("content-length", "4"), ascii("next"), true);
        for (int cut = 0; cut <= both.length; cut++) {
            List<ByteBuffer> pieces = List.of(ByteBuffer.wrap(both, 0, cut), ByteBuffer.wrap(both, cut, both.length - cut));
            var first = new ResponseParser(sample.method());
            var second = new ResponseParser(HttpMethod.GET);
            var leftover = new ByteArrayOutputStream();
            for (ByteBuffer piece : pieces) {
                if (!first.isComplete()) {
                    first.feed(piece);
                }
                leftover.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
            }
            assertEquals(sample.expected(), first.response(), "cut at byte " + cut);
            assertArrayEquals(ascii(NEXT), leftover.toByteArray(), "cut at byte " + cut);
            assertTrue(second.feed(ByteBuffer.wrap(leftover.toByteArray())));
            assertEquals(next, second.response());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aCompleteParserTakesNoMoreBytes(Sample sample) throws ProtocolException {
        var parser = new ResponseParser(sample.method());
        parser.feed(ByteBuffer.wrap(sample.bytes()));
        if (sample.closeDelimited()) {
            parser.endOfInput();
        }
        ByteBuffer more = ByteBuffer.wrap(ascii(NEXT));
        assertTrue(parser.feed(more));
        assertEquals(NEXT.length(), more.remaining());
        parser.endOfInput(); // on a complete response: changes nothing
        assertEquals(sample.expected(), parser.response());
    }

    @Test
    void aCloseDelimitedBodyTakesEverythingUntilTheClose() throws ProtocolException {
        var parser = new ResponseParser(HttpMethod.GET);
        ByteBuffer in = ByteBuffer.wrap(ascii("HTTP/1.1 200 OK\r\n\r\nfirst" + NEXT));
        assertFalse(parser.feed(in));
        assertFalse(in.hasRemaining());
        assertEquals(ResponseParser.Progress.NEEDS_BYTES, parser.progress());
        parser.endOfInput();
        assertArrayEquals(ascii("first" + NEXT), parser.response().body());
        assertFalse(parser.response().keepAlive());
    }

    @Test
    void receivedAnyByteTellsWhetherARetryIsStillSafe() throws ProtocolException {
        var parser = new ResponseParser(HttpMethod.GET);
        parser.feed(ByteBuffer.allocate(0));
        assertFalse(parser.receivedAnyByte());
        parser.feed(ByteBuffer.wrap(ascii("H")));
        assertTrue(parser.receivedAnyByte());
    }

    @Test
    void aDirectOrReadOnlyBufferIsReadLikeAHeapOne() throws ProtocolException {
        Sample sample = samples().toList().get(1); // chunked
        ByteBuffer direct = ByteBuffer.allocateDirect(sample.bytes().length).put(sample.bytes()).flip();
        var parser = new ResponseParser(HttpMethod.GET);
        assertTrue(parser.feed(direct.asReadOnlyBuffer()));
        assertEquals(sample.expected(), parser.response());
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse parse(Sample sample, List<byte[]> pieces) throws ProtocolException {
        var parser = new ResponseParser(sample.method());
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece);
            parser.feed(in);
            assertFalse(in.hasRemaining(), "one response: every byte belongs to it");
        }
        if (sample.closeDelimited()) {
            assertFalse(parser.isComplete());
            parser.endOfInput();
        }
        return parser.response();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Header map from name, value pairs, values of a repeated name gathered in order. */
    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return headers;
    }
}
