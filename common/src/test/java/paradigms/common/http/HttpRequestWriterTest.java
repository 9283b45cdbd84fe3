package paradigms.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpRequestWriterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://example.org/a/b?x=1&y=2#top | /a/b?x=1&y=2 | example.org",
            "http://example.org                 | /            | example.org",
            "http://example.org?q=1             | /?q=1        | example.org",
            "http://example.org:80/             | /            | example.org",
            "http://127.0.0.1:8080/data/1?size=3| /data/1?size=3 | 127.0.0.1:8080",
            "HTTP://Example.org:81/a%20b        | /a%20b       | Example.org:81",
            "http://[::1]:8080/x                | /x           | [::1]:8080",
    })
    void getNamesThePathQueryAndHostWithItsPortOnlyWhenNotDefault(String uri, String target, String host) {
        assertEquals("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: keep-alive\r\n\r\n",
                text(HttpRequestWriter.get(URI.create(uri), true)));
    }

    @Test
    void closeAsksForConnectionClose() {
        assertEquals("GET / HTTP/1.1\r\nHost: example.org\r\nConnection: close\r\n\r\n",
                text(HttpRequestWriter.get(URI.create("http://example.org/"), false)));
    }

    @Test
    void headCarriesExtraHeadersInTheirOrder() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("User-Agent", "paradigms");
        extra.put("Accept", "*/*");
        assertEquals("HEAD /x HTTP/1.1\r\nHost: example.org:8080\r\nConnection: keep-alive\r\n"
                        + "User-Agent: paradigms\r\nAccept: */*\r\n\r\n",
                text(HttpRequestWriter.request(HttpMethod.HEAD, URI.create("http://example.org:8080/x"), true, extra)));
    }

    @Test
    void aPathOutsideAsciiIsPercentEncodedSoEveryByteIsAscii() {
        byte[] request = HttpRequestWriter.get(URI.create("http://example.org/caf\u00e9?q=\u00fc"), true);
        assertTrue(text(request).startsWith("GET /caf%C3%A9?q=%C3%BC HTTP/1.1\r\n"), text(request));
        for (byte b : request) {
            assertTrue(b >= 0, "a byte outside ASCII");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.org/ | scheme must be http, was https",
            "ftp://example.org/   | scheme must be http, was ftp",
            "/relative/path       | scheme must be http, was null",
            "mailto:someone@example.org | scheme must be http, was mailto",
            "http:///path         | host is missing",
            "http:opaque          | host is missing",
    })
    void aUriThatIsNotHttpWithAHostIsRefusedNamingTheField(String uri, String message) {
        var refused = assertThrows(IllegalArgumentException.class, () -> HttpRequestWriter.get(URI.create(uri), true));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    static Stream<Arguments> badExtraHeaders() {
        return Stream.of(
                Arguments.of("Bad Name", "x"),
                Arguments.of("", "x"),
                Arguments.of("X-Split", "a\r\nInjected: yes"),
                Arguments.of("X-Latin", "caf\u00e9"),
                Arguments.of("Host", "elsewhere"),
                Arguments.of("connection", "close"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badExtraHeaders")
    void anExtraHeaderThatCouldBreakTheRequestIsRefused(String name, String value) {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> HttpRequestWriter.request(HttpMethod.GET, URI.create("http://example.org/"), true, Map.of(name, value)));
        assertTrue(refused.getMessage().startsWith("extraHeaders"), refused.getMessage());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
