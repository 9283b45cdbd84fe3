package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static paradigms.common.http.ResponseParserTest.ascii;

/**
 * Every kind of bad input ends in a {@link ProtocolException} that names the problem, whether
 * the bytes come at once or one at a time, and leaves a parser that refuses to go on: a driver
 * that keeps feeding it gets the error again instead of waiting forever.
 */
class ResponseParserBadInputTest {

    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";
    private static final String CHUNKED_HEAD = OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n";

    /** Bytes that fail, whether the peer then closes ({@code thenClose}), and a piece of the message. */
    record Bad(String name, String wire, boolean thenClose, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badInputs() {
        return Stream.of(
                new Bad("status line without a code", "HTTP/1.1 OK\r\n", false, "malformed status line \"HTTP/1.1 OK\""),
                new Bad("HTTP/2 status line", "HTTP/2 200 OK\r\n", false, "malformed status line"),
                new Bad("two-digit status", "HTTP/1.1 20 OK\r\n", false, "malformed status line"),
                new Bad("not HTTP at all", "hello there\r\n", false, "malformed status line \"hello there\""),
                new Bad("101 nobody asked for", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n", false,
                        "101 Switching Protocols"),
                new Bad("header without a colon", OK_HEAD + "Content-Length 5\r\n\r\n", false,
                        "header line without a colon: \"Content-Length 5\""),
                new Bad("folded header line", OK_HEAD + "X-A: 1\r\n  continued\r\n\r\n", false, "obsolete line folding"),
                new Bad("space before the colon", OK_HEAD + "Content-Length : 5\r\n\r\n", false, "malformed header name"),
                new Bad("status line too long", "HTTP/1.1 200 " + "x".repeat(ResponseParser.MAX_LINE_BYTES) + "\r\n", false,
                        "longer than 8192 bytes"),
                new Bad("header line too long, and no end of line ever", OK_HEAD + "X-Long: " + "a".repeat(10_000), false,
                        "longer than 8192 bytes"),
                new Bad("too many headers", OK_HEAD + "X-N: n\r\n".repeat(ResponseParser.MAX_HEADER_LINES + 1) + "\r\n", false,
                        "more than 100 header lines"),
                new Bad("negative Content-Length", OK_HEAD + "Content-Length: -1\r\n\r\n", false, "negative Content-Length"),
                new Bad("non-numeric Content-Length", OK_HEAD + "Content-Length: abc\r\n\r\n", false,
                        "Content-Length is not a number: \"abc\""),
                new Bad("Content-Length with a sign", OK_HEAD + "Content-Length: +5\r\n\r\n", false, "Content-Length is not a number"),
                new Bad("empty Content-Length", OK_HEAD + "Content-Length:\r\n\r\n", false, "Content-Length is not a number"),
                new Bad("conflicting Content-Length headers", OK_HEAD + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n", false,
                        "conflicting Content-Length values: \"5, 6\""),
                new Bad("conflicting Content-Length list", OK_HEAD + "Content-Length: 5, 6\r\n\r\n", false,
                        "conflicting Content-Length"),
                new Bad("huge Content-Length", OK_HEAD + "Content-Length: 99999999999999999999999\r\n\r\n", false,
                        "exceeds the body limit of 67108864 bytes"),
                new Bad("Content-Length one over the limit", OK_HEAD + "Content-Length: 67108865\r\n\r\n", false,
                        "Content-Length 67108865 exceeds the body limit"),
                new Bad("chunked and Content-Length", OK_HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", false,
                        "both Transfer-Encoding and Content-Length"),
                new Bad("gzip transfer coding", OK_HEAD + "Transfer-Encoding: gzip, chunked\r\n\r\n", false,
                        "unsupported Transfer-Encoding \"gzip, chunked\""),
                new Bad("malformed chunk size", CHUNKED_HEAD + "zz\r\n", false, "malformed chunk size line \"zz\""),
                new Bad("empty chunk size", CHUNKED_HEAD + "\r\n", false, "malformed chunk size line"),
                new Bad("negative chunk size", CHUNKED_HEAD + "-5\r\nhello\r\n", false, "negative chunk size in \"-5\""),
                new Bad("huge chunk size", CHUNKED_HEAD + "ffffffffffffffffffff\r\n", false, "past its limit of 67108864 bytes"),
                new Bad("chunk over the limit", CHUNKED_HEAD + "4000001\r\n", false, "chunk size \"4000001\" takes the body past"),
                new Bad("chunk longer than declared", CHUNKED_HEAD + "3\r\nhello\r\n0\r\n\r\n", false,
                        "a chunk is longer than its declared size"),
                new Bad("trailer without a colon", CHUNKED_HEAD + "0\r\nnot a field\r\n\r\n", false, "trailer line without a colon"),
                new Bad("closed before any byte", "", true, "connection closed before the status line"),
                new Bad("closed in the status line", "HTTP/1.1 2", true, "connection closed in the middle of the status line"),
                new Bad("closed after an interim response", "HTTP/1.1 100 Continue\r\n\r\n", true,
                        "before the status line of the final one"),
                new Bad("closed in the headers", OK_HEAD + "Content-Le", true, "connection closed in the middle of the headers"),
                new Bad("closed in a Content-Length body", OK_HEAD + "Content-Length: 5\r\n\r\nhe", true,
                        "connection closed after 2 of 5 body bytes"),
                new Bad("closed in a chunked body", CHUNKED_HEAD + "5\r\nhello\r\n3\r\nab", true,
                        "connection closed in the middle of the chunked body, after 7 body bytes"),
                new Bad("closed in the trailers", CHUNKED_HEAD + "0\r\nX-Sum: 1\r\n", true, "connection closed in the trailers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputAtOnceFailsWithAMessageThatNamesTheProblem(Bad bad) {
        var parser = new ResponseParser(HttpMethod.GET);
        ProtocolException failure = assertThrows(ProtocolException.class, () -> {
            parser.feed(ByteBuffer.wrap(ascii(bad.wire())));
            if (bad.thenClose()) {
                parser.endOfInput();
            }
        });
        assertMessageAndNoWayOn(bad, parser, failure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputOneByteAtATimeFailsTheSameWay(Bad bad) {
        var parser = new ResponseParser(HttpMethod.GET);
        byte[] bytes = ascii(bad.wire());
        ProtocolException failure = assertThrows(ProtocolException.class, () -> {
            for (int i = 0; i < bytes.length; i++) {
                parser.feed(ByteBuffer.wrap(bytes, i, 1));
            }
            if (bad.thenClose()) {
                parser.endOfInput();
            }
        });
        assertMessageAndNoWayOn(bad, parser, failure);
    }

    @Test
    void aLineOfExactlyTheLimitIsAcceptedAndOneMoreByteIsNot() {
        String longest = "X-Long: " + "a".repeat(ResponseParser.MAX_LINE_BYTES - "X-Long: ".length());
        String wire = OK_HEAD + longest + "\r\nContent-Length: 0\r\n\r\n";
        assertDoesNotThrow(() -> assertTrue(new ResponseParser(HttpMethod.GET).feed(ByteBuffer.wrap(ascii(wire)))));
        String tooLong = OK_HEAD + longest + "a\r\nContent-Length: 0\r\n\r\n";
        assertThrows(ProtocolException.class, () -> new ResponseParser(HttpMethod.GET).feed(ByteBuffer.wrap(ascii(tooLong))));
    }

    @Test
    void exactlyTheMaximumNumberOfHeadersIsAccepted() {
        String wire = OK_HEAD + "X-N: n\r\n".repeat(ResponseParser.MAX_HEADER_LINES - 1) + "Content-Length: 0\r\n\r\n";
        assertDoesNotThrow(() -> assertTrue(new ResponseParser(HttpMethod.GET).feed(ByteBuffer.wrap(ascii(wire)))));
    }

    @Test
    void everyKindOfBodyIsHeldToAConfiguredLimit() throws ProtocolException {
        int limit = 10;
        String elevenBytes = "0123456789A";
        assertFailsWith(limit, OK_HEAD + "Content-Length: 11\r\n\r\n", false, "Content-Length 11 exceeds the body limit of 10 bytes");
        assertFailsWith(limit, CHUNKED_HEAD + "6\r\n012345\r\n5\r\n", false, "chunk size \"5\" takes the body past its limit of 10 bytes");
        assertFailsWith(limit, OK_HEAD + "\r\n" + elevenBytes, false, "body longer than the limit of 10 bytes");

        var exactlyAtTheLimit = new ResponseParser(HttpMethod.GET, limit);
        exactlyAtTheLimit.feed(ByteBuffer.wrap(ascii(OK_HEAD + "\r\n" + elevenBytes.substring(1))));
        exactlyAtTheLimit.endOfInput();
        assertEquals(limit, exactlyAtTheLimit.response().bodyLength());
    }

    @Test
    void aNegativeOrImpossibleBodyLimitIsRefusedAtConstruction() {
        var negative = assertThrows(IllegalArgumentException.class, () -> new ResponseParser(HttpMethod.GET, -1));
        assertTrue(negative.getMessage().startsWith("maxBodyBytes"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResponseParser(HttpMethod.GET, Integer.MAX_VALUE));
    }

    /**
     * Valid responses with random bytes overwritten, fed in random pieces: each ends complete or in
     * a ProtocolException, never another exception, and a feed that does not complete always takes
     * every byte it was given (a parser that stopped taking bytes would make its driver wait forever).
     */
    @Test
    void corruptedResponsesEndCompleteOrInAProtocolExceptionAndNothingElse() {
        var random = new Random(20_171_114); // fixed: a failure can be replayed
        List<ResponseParserTest.Sample> samples = ResponseParserTest.samples().toList();
        for (int round = 0; round < 2_000; round++) {
            ResponseParserTest.Sample sample = samples.get(random.nextInt(samples.size()));
            byte[] bytes = sample.bytes();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            var parser = new ResponseParser(sample.method(), 1_000);
            String replay = "round " + round + ": " + new String(bytes, StandardCharsets.ISO_8859_1);
            try {
                int at = 0;
                while (at < bytes.length && !parser.isComplete()) {
                    ByteBuffer piece = ByteBuffer.wrap(bytes, at, 1 + random.nextInt(bytes.length - at));
                    int end = piece.limit();
                    boolean complete = parser.feed(piece);
                    assertTrue(complete || !piece.hasRemaining(), replay);
                    at = complete ? end : piece.position();
                }
                parser.endOfInput();
                assertEquals(ResponseParser.Progress.COMPLETE, parser.progress(), replay);
            } catch (ProtocolException expected) {
                assertEquals(ResponseParser.Progress.FAILED, parser.progress(), replay);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertFailsWith(int limit, String wire, boolean thenClose, String messagePart) {
        var parser = new ResponseParser(HttpMethod.GET, limit);
        ProtocolException failure = assertThrows(ProtocolException.class, () -> {
            parser.feed(ByteBuffer.wrap(ascii(wire)));
            if (thenClose) {
                parser.endOfInput();
            }
        });
        assertMessageAndNoWayOn(new Bad(wire, wire, thenClose, messagePart), parser, failure);
    }

    /** The message names the problem, and from then on every call says so again: no state to wait in. */
    private static void assertMessageAndNoWayOn(Bad bad, ResponseParser parser, ProtocolException failure) {
        assertTrue(failure.getMessage().contains(bad.messagePart()),
                "expected \"" + bad.messagePart() + "\" in: " + failure.getMessage());
        assertEquals(ResponseParser.Progress.FAILED, parser.progress());
        ProtocolException again = assertThrows(ProtocolException.class,
                () -> parser.feed(ByteBuffer.wrap(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))));
        assertTrue(again.getMessage().contains(bad.messagePart()), again.getMessage());
        assertThrows(ProtocolException.class, parser::endOfInput);
        assertThrows(IllegalStateException.class, parser::response);
    }
}
