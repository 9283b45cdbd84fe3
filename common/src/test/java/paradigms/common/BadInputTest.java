package paradigms.common;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.Database;
import paradigms.common.counter.CounterRequest;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.download.DownloadRequest;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitersRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every exercise's input rejects bad input where it enters, with a message that starts with
 * the field's name — one parameterised test per exercise, each row a bad input and the
 * message it must get.
 */
class BadInputTest {

    private static final URI OK = URI.create("http://127.0.0.1:8080/data/1");
    private static final Database DB = new Database("jdbc:postgresql://localhost/x", "u", "p");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static Arguments bad(String what, String message, Executable construct) {
        return arguments(what, message, construct);
    }

    private static void assertRejected(String message, Executable construct) {
        var error = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(error.getMessage().startsWith(message), "message was: " + error.getMessage());
    }

    static Stream<Arguments> download() {
        return Stream.of(
                bad("null urls", "urls must not be null", () -> new DownloadRequest(null, 1)),
                bad("no urls", "urls must not be empty", () -> new DownloadRequest(List.of(), 1)),
                bad("a null url", "urls[1] must not be null", () -> new DownloadRequest(Arrays.asList(OK, null), 1)),
                bad("an ftp url", "urls[0] must be an http:// or https:// URL", () -> new DownloadRequest(List.of(URI.create("ftp://host/x")), 1)),
                bad("no host", "urls[0] has no host", () -> new DownloadRequest(List.of(URI.create("http:///x")), 1)),
                bad("a relative url", "urls[0] must be an http:// or https:// URL", () -> new DownloadRequest(List.of(URI.create("/data/1")), 1)),
                bad("malformed text", "urls[1] is not a valid URL", () -> DownloadRequest.parse(List.of(OK.toString(), "http://exa mple"), 1, SECOND)),
                bad("a duplicate url", "urls[1] is a duplicate", () -> new DownloadRequest(List.of(OK, OK), 1)),
                bad("C = 0", "maxInFlight must be positive", () -> new DownloadRequest(List.of(OK), 0)),
                bad("C < 0", "maxInFlight must be positive", () -> new DownloadRequest(List.of(OK), -3)),
                bad("a zero timeout", "timeout must be positive", () -> new DownloadRequest(List.of(OK), 1, Duration.ZERO)));
    }

    static Stream<Arguments> squares() {
        return Stream.of(
                bad("null", "ns must not be null", () -> new SquaresRequest(null)),
                bad("empty", "ns must not be empty", () -> new SquaresRequest(List.of())),
                bad("a negative n", "ns[1] must not be negative", () -> new SquaresRequest(List.of(3, -1))),
                bad("a null n", "ns[0] must not be null", () -> new SquaresRequest(Arrays.asList((Integer) null))));
    }

    static Stream<Arguments> exhibition() {
        return Stream.of(
                bad("no boards", "boards must be positive", () -> new ExhibitionRequest(0, 5, 55, 30, SECOND)),
                bad("a negative master move", "masterMoveSeconds must be positive", () -> new ExhibitionRequest(24, -5, 55, 30, SECOND)),
                bad("a zero opponent move", "opponentMoveSeconds must be positive", () -> new ExhibitionRequest(24, 5, 0, 30, SECOND)),
                bad("no move pairs", "movePairs must be positive", () -> new ExhibitionRequest(24, 5, 55, 0, SECOND)),
                bad("a null scale", "secondLasts must not be null", () -> new ExhibitionRequest(24, 5, 55, 30, null)));
    }

    static Stream<Arguments> crawl() {
        return Stream.of(
                bad("a null root", "root must not be null", () -> new CrawlRequest(null, 1)),
                bad("a mailto root", "root must be an http:// or https:// URL", () -> new CrawlRequest(URI.create("mailto:a@b"), 1)),
                bad("C = 0", "maxInFlight must be positive", () -> new CrawlRequest(OK, 0)),
                bad("a negative timeout", "timeout must be positive", () -> new CrawlRequest(OK, 1, Duration.ofSeconds(-1))),
                bad("no pages allowed", "maxPages must be positive", () -> new CrawlRequest(OK, 1, Duration.ofSeconds(1), 0)));
    }

    static Stream<Arguments> blocking() {
        return Stream.of(
                bad("a null database", "database must not be null", () -> new BlockingRequest(null, 1, SECOND, 1, SECOND)),
                bad("no queries", "queries must be positive", () -> new BlockingRequest(DB, 0, SECOND, 1, SECOND)),
                bad("a zero query duration", "queryDuration must be positive", () -> new BlockingRequest(DB, 1, Duration.ZERO, 1, SECOND)),
                bad("no connections", "maxConnections must be positive", () -> new BlockingRequest(DB, 1, SECOND, 0, SECOND)),
                bad("a negative heartbeat", "heartbeatInterval must be positive", () -> new BlockingRequest(DB, 1, SECOND, 1, Duration.ofMillis(-1))),
                bad("not a JDBC URL", "jdbcUrl must start with \"jdbc:\"", () -> new Database("postgresql://localhost/x", "u", "p")),
                bad("a blank JDBC URL", "jdbcUrl must not be blank", () -> new Database(" ", "u", "p")));
    }

    static Stream<Arguments> waiters() {
        return Stream.of(
                bad("no tasks", "tasks must be positive", () -> new WaitersRequest(0, SECOND)),
                bad("a zero wait", "waitFor must be positive", () -> new WaitersRequest(10, Duration.ZERO)),
                bad("a null wait", "waitFor must not be null", () -> new WaitersRequest(10, null)),
                bad("more than the capacity", "tasks must be at most 5 here (test)", () -> new Capacity(5, "test").check(new WaitersRequest(6, SECOND))),
                bad("a capacity without a reason", "limitedBy must not be blank", () -> new Capacity(5, "")));
    }

    static Stream<Arguments> counter() {
        return Stream.of(
                bad("no tasks", "tasks must be positive", () -> new CounterRequest(0, 1)),
                bad("no increments", "incrementsPerTask must be positive", () -> new CounterRequest(1, -1)));
    }

    static Stream<Arguments> deadline() {
        return Stream.of(
                bad("null urls", "urls must not be null", () -> new DeadlineRequest(null, 1, SECOND)),
                bad("no urls", "urls must not be empty", () -> new DeadlineRequest(List.of(), 1, SECOND)),
                bad("a duplicate url", "urls[1] is a duplicate", () -> new DeadlineRequest(List.of(OK, OK), 1, SECOND)),
                bad("a null deadline", "deadline must not be null", () -> new DeadlineRequest(List.of(OK), 1, null)),
                bad("a non-http url", "urls[0] must be an http:// or https:// URL", () -> new DeadlineRequest(List.of(URI.create("file:///etc/passwd")), 1, SECOND)),
                bad("C = 0", "maxInFlight must be positive", () -> new DeadlineRequest(List.of(OK), 0, SECOND)),
                bad("a zero deadline", "deadline must be positive", () -> new DeadlineRequest(List.of(OK), 1, Duration.ZERO)),
                bad("a negative request timeout", "timeout must be positive", () -> new DeadlineRequest(List.of(OK), 1, SECOND, Duration.ofSeconds(-1))));
    }

    static Stream<Arguments> pipeline() {
        PageWork work = PageWork.digesting(Duration.ZERO);
        return Stream.of(
                bad("null urls", "urls must not be null", () -> new PipelineRequest(null, 1, 1, work)),
                bad("no urls (N = 0)", "urls must not be empty", () -> new PipelineRequest(List.of(), 1, 1, work)),
                bad("a duplicate url", "urls[1] is a duplicate", () -> new PipelineRequest(List.of(OK, OK), 1, 1, work)),
                bad("a non-http url", "urls[0] must be an http:// or https:// URL", () -> new PipelineRequest(List.of(URI.create("file:///etc/passwd")), 1, 1, work)),
                bad("C = 0", "maxInFlight must be positive", () -> new PipelineRequest(List.of(OK), 0, 1, work)),
                bad("B = 0", "bufferSize must be positive", () -> new PipelineRequest(List.of(OK), 1, 0, work)),
                bad("B < 0", "bufferSize must be positive", () -> new PipelineRequest(List.of(OK), 1, -2, work)),
                bad("no work", "work must not be null", () -> new PipelineRequest(List.of(OK), 1, 1, null)),
                bad("a negative cost", "cost must not be negative", () -> PageWork.digesting(Duration.ofMillis(-1))),
                bad("a null cost", "cost must not be null", () -> PageWork.digesting(null)),
                bad("a zero request timeout", "timeout must be positive", () -> new PipelineRequest(List.of(OK), 1, 1, work, Duration.ZERO)));
    }

    @ParameterizedTest(name = "download: {0}")
    @MethodSource("download")
    void downloadRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "squares: {0}")
    @MethodSource("squares")
    void squaresRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "exhibition: {0}")
    @MethodSource("exhibition")
    void exhibitionRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "crawl: {0}")
    @MethodSource("crawl")
    void crawlRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "blocking: {0}")
    @MethodSource("blocking")
    void blockingRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "waiters: {0}")
    @MethodSource("waiters")
    void waitersRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "counter: {0}")
    @MethodSource("counter")
    void counterRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "deadline: {0}")
    @MethodSource("deadline")
    void deadlineRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }

    @ParameterizedTest(name = "pipeline: {0}")
    @MethodSource("pipeline")
    void pipelineRejects(String what, String message, Executable construct) {
        assertRejected(message, construct);
    }
}
