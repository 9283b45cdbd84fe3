package paradigms.common.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static paradigms.common.http.ResponseParserTest.ascii;

/**
 * Whether a connection may carry another request after a response: the version, the
 * {@code Connection} header and how the body was framed decide together.
 */
class KeepAliveTest {

    @ParameterizedTest(name = "{0}, Connection: {1}, {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // version, Connection,          body framing,    reusable
            "HTTP/1.1, -,                     length,          true",
            "HTTP/1.1, -,                     chunked,         true",
            "HTTP/1.1, -,                     until-close,     false",
            "HTTP/1.1, close,                 length,          false",
            "HTTP/1.1, Close,                 chunked,         false",
            "HTTP/1.1, 'keep-alive, close',   length,          false",
            "HTTP/1.1, 'Upgrade, CLOSE',      length,          false",
            "HTTP/1.1, keep-alive,            until-close,     false",
            "HTTP/1.1, keep-alive,            length,          true",
            "HTTP/1.1, -,                     204,             true",
            "HTTP/1.1, close,                 204,             false",
            "HTTP/1.1, -,                     HEAD,            true",
            "HTTP/1.0, -,                     length,          false",
            "HTTP/1.0, keep-alive,            length,          true",
            "HTTP/1.0, Keep-Alive,            chunked,         true",
            "HTTP/1.0, keep-alive,            until-close,     false",
            "HTTP/1.0, -,                     304,             false",
            "HTTP/1.0, keep-alive,            304,             true",
            "HTTP/1.0, 'keep-alive, close',   length,          false",
    })
    void connectionIsReusableExactlyWhenTheTableSays(String version, String connection, String framing, boolean reusable)
            throws ProtocolException {
        String status = switch (framing) {
            case "204" -> "204 No Content";
            case "304" -> "304 Not Modified";
            default -> "200 OK";
        };
        StringBuilder wire = new StringBuilder(version + " " + status + "\r\n");
        if (connection != null) {
            wire.append("Connection: ").append(connection).append("\r\n");
        }
        switch (framing) {
            case "length" -> wire.append("Content-Length: 2\r\n\r\nok");
            case "chunked" -> wire.append("Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
            default -> wire.append("\r\n"); // until-close: body "ok" below; HEAD, 204, 304: none
        }
        if (framing.equals("until-close")) {
            wire.append("ok");
        }
        var parser = new ResponseParser(framing.equals("HEAD") ? HttpMethod.HEAD : HttpMethod.GET);
        parser.feed(ByteBuffer.wrap(ascii(wire.toString())));
        parser.endOfInput(); // completes the close-delimited body; changes nothing for the others
        assertEquals(reusable, parser.response().keepAlive());
    }
}
