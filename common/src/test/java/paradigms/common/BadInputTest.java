package paradigms.common;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.Database;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.download.DownloadRequest;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.squares.SquaresRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every exercise's input record rejects bad input where it enters, with a message that names the field. */
class BadInputTest {

    private static final URI OK = URI.create("http://127.0.0.1:8080/data/1");
    private static final Database DB = new Database("jdbc:postgresql://localhost/x", "u", "p");
    private static final Duration SECOND = Duration.ofSeconds(1);

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("download: null urls", "urls must not be null", (Executable) () -> new DownloadRequest(null, 1)),
                arguments("download: no urls", "urls must not be empty", (Executable) () -> new DownloadRequest(List.of(), 1)),
                arguments("download: null url", "urls[1] must not be null", (Executable) () -> new DownloadRequest(Arrays.asList(OK, null), 1)),
                arguments("download: ftp url", "urls[0] must be an http:// or https:// URL", (Executable) () -> new DownloadRequest(List.of(URI.create("ftp://host/x")), 1)),
                arguments("download: no host", "urls[0] has no host", (Executable) () -> new DownloadRequest(List.of(URI.create("http:///x")), 1)),
                arguments("download: relative url", "urls[0] must be an http:// or https:// URL", (Executable) () -> new DownloadRequest(List.of(URI.create("/data/1")), 1)),
                arguments("download: malformed text", "urls[1] is not a valid URL", (Executable) () -> DownloadRequest.parse(List.of(OK.toString(), "http://exa mple"), 1, SECOND)),
                arguments("download: duplicate url", "urls[1] is a duplicate", (Executable) () -> new DownloadRequest(List.of(OK, OK), 1)),
                arguments("download: C = 0", "maxInFlight must be positive", (Executable) () -> new DownloadRequest(List.of(OK), 0)),
                arguments("download: C < 0", "maxInFlight must be positive", (Executable) () -> new DownloadRequest(List.of(OK), -3)),
                arguments("download: zero timeout", "timeout must be positive", (Executable) () -> new DownloadRequest(List.of(OK), 1, Duration.ZERO)),
                arguments("squares: null", "ns must not be null", (Executable) () -> new SquaresRequest(null)),
                arguments("squares: empty", "ns must not be empty", (Executable) () -> new SquaresRequest(List.of())),
                arguments("squares: negative n", "ns[1] must not be negative", (Executable) () -> new SquaresRequest(List.of(3, -1))),
                arguments("exhibition: no boards", "boards must be positive", (Executable) () -> new ExhibitionRequest(0, 5, 55, 30, SECOND)),
                arguments("exhibition: negative move", "masterMoveSeconds must be positive", (Executable) () -> new ExhibitionRequest(24, -5, 55, 30, SECOND)),
                arguments("exhibition: no pairs", "movePairs must be positive", (Executable) () -> new ExhibitionRequest(24, 5, 55, 0, SECOND)),
                arguments("exhibition: null scale", "secondLasts must not be null", (Executable) () -> new ExhibitionRequest(24, 5, 55, 30, null)),
                arguments("crawl: null root", "root must not be null", (Executable) () -> new CrawlRequest(null, 1)),
                arguments("crawl: mailto root", "root must be an http:// or https:// URL", (Executable) () -> new CrawlRequest(URI.create("mailto:a@b"), 1)),
                arguments("crawl: C = 0", "maxInFlight must be positive", (Executable) () -> new CrawlRequest(OK, 0)),
                arguments("blocking: null database", "database must not be null", (Executable) () -> new BlockingRequest(null, 1, SECOND, 1, SECOND)),
                arguments("blocking: no queries", "queries must be positive", (Executable) () -> new BlockingRequest(DB, 0, SECOND, 1, SECOND)),
                arguments("blocking: no connections", "maxConnections must be positive", (Executable) () -> new BlockingRequest(DB, 1, SECOND, 0, SECOND)),
                arguments("blocking: negative heartbeat", "heartbeatInterval must be positive", (Executable) () -> new BlockingRequest(DB, 1, SECOND, 1, Duration.ofMillis(-1))),
                arguments("blocking: not a JDBC URL", "jdbcUrl must start with \"jdbc:\"", (Executable) () -> new Database("postgresql://localhost/x", "u", "p")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputWithAMessageNamingTheField(String what, String message, Executable construct) {
        var error = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(error.getMessage().startsWith(message), "message was: " + error.getMessage());
    }
}
