package paradigms.common.http;

import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sent-at stamp, as the codec reads it: whatever the header's case, and never an exception for a bad one. */
class SentAtTest {

    private static HttpResponse parse(String head) throws ProtocolException {
        var parser = new ResponseParser(HttpMethod.GET);
        assertTrue(parser.feed(ByteBuffer.wrap((head + "Content-Length: 2\r\n\r\nok").getBytes(StandardCharsets.US_ASCII))));
        return parser.response();
    }

    @Test
    void theParserReadsTheStampInAnyCaseOfTheHeadersName() throws ProtocolException {
        assertEquals(OptionalLong.of(123_456_789_012L),
                parse("HTTP/1.1 200 OK\r\nX-Sent-At-Nanos: 123456789012\r\n").sentAtNanos());
        assertEquals(OptionalLong.of(-42L), parse("HTTP/1.1 200 OK\r\nx-sent-at-nanos:  -42 \r\n").sentAtNanos(),
                "nanoTime may be negative: any long is a stamp");
    }

    @Test
    void anAnswerWithoutAStampOrWithAMalformedOneHasNone() throws ProtocolException {
        assertEquals(OptionalLong.empty(), parse("HTTP/1.1 200 OK\r\n").sentAtNanos());
        assertEquals(OptionalLong.empty(), parse("HTTP/1.1 200 OK\r\nX-Sent-At-Nanos: soon\r\n").sentAtNanos());
        assertEquals(OptionalLong.empty(), SentAt.parse(null));
    }
}
