package paradigms.common.http;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.x response from bytes fed in pieces of any size: the protocol, written once,
 * with no socket, no thread and no clock (the "sans-I/O" design of python-hyper/h11). Whoever
 * owns the connection reads bytes however its chapter waits — a blocked thread, a readiness
 * callback, a coroutine step — and hands them to {@link #feed}; when the peer closes, it calls
 * {@link #endOfInput}. The parser only says how far the response has got ({@link #progress}).
 *
 * <h2>Driving it</h2>
 * <pre>
 * var parser = new ResponseParser(HttpMethod.GET);
 * while (!parser.feed(bytesJustRead)) {      // NEEDS_BYTES: wait for more, in your chapter's way
 *     if (the peer closed) { parser.endOfInput(); break; }   // completes a close-delimited body or throws
 * }
 * HttpResponse response = parser.response();
 * </pre>
 * {@link #feed} takes only the bytes that belong to this response: anything after its end (the
 * next pipelined response) stays in the buffer, from its position on. Every byte it takes is
 * copied out, so the caller may reuse the buffer as soon as {@code feed} returns.
 *
 * <h2>States</h2>
 * <pre>
 * STATUS_LINE      --status line-------------------------------------&gt; HEADERS
 * HEADERS          --header line-------------------------------------&gt; HEADERS
 * HEADERS          --empty line, 1xx (interim: dropped)--------------&gt; STATUS_LINE
 * HEADERS          --empty line, HEAD request, 204 or 304------------&gt; COMPLETE
 * HEADERS          --empty line, Transfer-Encoding: chunked----------&gt; CHUNK_SIZE
 * HEADERS          --empty line, Content-Length: 0-------------------&gt; COMPLETE
 * HEADERS          --empty line, Content-Length: N-------------------&gt; BODY_BY_LENGTH
 * HEADERS          --empty line, neither (the close ends the body)---&gt; BODY_UNTIL_CLOSE
 * BODY_BY_LENGTH   --the N-th body byte------------------------------&gt; COMPLETE
 * BODY_UNTIL_CLOSE --endOfInput()------------------------------------&gt; COMPLETE
 * CHUNK_SIZE       --size line, size &gt; 0 (";extensions" ignored)----&gt; CHUNK_DATA
 * CHUNK_DATA       --the size-th byte of the chunk-------------------&gt; CHUNK_END
 * CHUNK_END        --empty line (the CR LF after the data)-----------&gt; CHUNK_SIZE
 * CHUNK_SIZE       --size line, size 0-------------------------------&gt; TRAILERS
 * TRAILERS         --trailer field (checked, then dropped)-----------&gt; TRAILERS
 * TRAILERS         --empty line--------------------------------------&gt; COMPLETE
 * any but COMPLETE --bad input, or endOfInput() anywhere else--------&gt; FAILED
 * </pre>
 * COMPLETE and FAILED are final. In COMPLETE, {@code feed} takes nothing and returns true; in
 * FAILED, {@code feed} and {@code endOfInput} throw again, so a confused driver cannot loop.
 * The public view of these states is {@link Progress}.
 *
 * <h2>Keep-alive</h2>
 * The response's {@link HttpResponse#keepAlive()} says whether the connection may carry another
 * request: not if the body ran until the close, not if the server sent {@code Connection: close},
 * and for HTTP/1.0 only if it sent {@code Connection: keep-alive}; otherwise (HTTP/1.1) yes.
 * A driver that finds bytes left in its buffer after a complete response should not reuse the
 * connection either, unless it pipelines on purpose.
 *
 * <h2>Bad input</h2>
 * Every kind ends in a {@link ProtocolException} whose message says what was wrong: a malformed
 * status line, a header line without a colon or with a bad name, a line longer than
 * {@link #MAX_LINE_BYTES}, more than {@link #MAX_HEADER_LINES} header lines, a Content-Length that
 * is not a number, negative, conflicting or over the body limit, both Transfer-Encoding and
 * Content-Length, a Transfer-Encoding other than chunked, a malformed, negative or too large chunk
 * size, a chunk longer than declared, a body over the limit, a 101 nobody asked for, and a
 * connection closed before the end of the response. Every limit bounds the memory a broken or
 * hostile server can make the client use.
 *
 * <p>Not thread-safe: one owner at a time (the thread that reads the connection, or the event
 * loop's thread). One parser per response.
 */
public final class ResponseParser {

    /** The default limit on a body's size, 64 MiB: far above the course's bodies, far below the heap. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 << 20;
    /** The longest status, header, chunk-size or trailer line accepted, without its CR LF. */
    public static final int MAX_LINE_BYTES = 8_192;
    /** The most header lines (and, separately, trailer lines) accepted in one response. */
    public static final int MAX_HEADER_LINES = 100;

    /** How far the response has got: what the driver should do next. */
    public enum Progress {
        /** Feed more bytes, or call {@link #endOfInput()} if the peer closed. */
        NEEDS_BYTES,
        /** {@link #response()} is ready. */
        COMPLETE,
        /** The input was not a valid response; the exception said why. Close the connection. */
        FAILED
    }

    private enum State {
        STATUS_LINE, HEADERS, BODY_BY_LENGTH, BODY_UNTIL_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, COMPLETE, FAILED
    }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.([0-9]) ([1-9][0-9]{2})(?: (.*))?");
    private static final int INITIAL_LINE_BYTES = 256;
    /** Optimisation and protection: a Content-Length alone never makes us allocate more than this up front. */
    private static final int TRUSTED_LENGTH = 1 << 20;

    private final HttpMethod method;
    private final int maxBodyBytes;

    private State state = State.STATUS_LINE;
    private String failure;      // FAILED: the message of the exception that got us there
    private long bytesTaken;     // every byte feed() has consumed, interim responses included

    private byte[] line = new byte[INITIAL_LINE_BYTES]; // the line being read, growing up to MAX_LINE_BYTES + CR
    private int lineLength;

    private boolean http10;
    private String version;
    private int status;
    private String reason;
    private Map<String, List<String>> headers = new LinkedHashMap<>();
    private int headerLines;      // of the current head, or of the trailers once in TRAILERS

    private byte[] body = new byte[0]; // filled up to bodyLength; grows as needed
    private int bodyLength;
    private long declaredLength;       // BODY_BY_LENGTH: the Content-Length
    private long remaining;            // BODY_BY_LENGTH: of the body; CHUNK_DATA: of the current chunk
    private boolean closeDelimited;
    private HttpResponse response;     // built once, at COMPLETE

    /** A parser for the response to a {@code method} request, with the default body limit. */
    public ResponseParser(HttpMethod method) {
        this(method, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A parser for the response to a {@code method} request ({@code HEAD}: no body, whatever the
     * headers say), refusing bodies longer than {@code maxBodyBytes}.
     *
     * @throws IllegalArgumentException if {@code maxBodyBytes} is negative or above what an array can hold
     */
    public ResponseParser(HttpMethod method, int maxBodyBytes) {
        this.method = Objects.requireNonNull(method, "method");
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes must be between 0 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Takes bytes from {@code in} (from its position to its limit) until the response is complete
     * or the bytes run out. Bytes after the end of the response are left in {@code in}.
     *
     * @return true once the response is complete (then {@link #response()} is ready)
     * @throws ProtocolException if the bytes are not a valid response, or the parser failed before
     */
    public boolean feed(ByteBuffer in) throws ProtocolException {
        Objects.requireNonNull(in, "in");
        throwIfFailed();
        try {
            while (in.hasRemaining() && state != State.COMPLETE) {
                int before = in.position();
                step(in);
                bytesTaken += in.position() - before;
            }
        } catch (ProtocolException e) {
            fail(e.getMessage());
            throw e;
        }
        return state == State.COMPLETE;
    }

    /**
     * The peer closed the connection: no more bytes will come. That ends a body delimited by the
     * close; anywhere else the response was cut short. Returns normally only if the response is
     * complete; calling it again, or on a complete response, changes nothing.
     *
     * @throws ProtocolException naming where the response was cut ("connection closed after 2 of
     *                           5 body bytes", "... before the status line"), or if the parser failed before
     */
    public void endOfInput() throws ProtocolException {
        throwIfFailed();
        switch (state) {
            case COMPLETE -> { }
            case BODY_UNTIL_CLOSE -> complete();
            default -> {
                String message = whereCut();
                fail(message);
                throw new ProtocolException(message);
            }
        }
    }

    /** How far the response has got. */
    public Progress progress() {
        return switch (state) {
            case COMPLETE -> Progress.COMPLETE;
            case FAILED -> Progress.FAILED;
            default -> Progress.NEEDS_BYTES;
        };
    }

    /** Whether the response is complete. */
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /**
     * Whether any byte of a response (interim ones included) has been taken. Until then, a failure
     * on a reused connection may mean the server had closed it while idle, and an idempotent
     * request may be sent again on a new one; after that, never.
     */
    public boolean receivedAnyByte() {
        return bytesTaken > 0;
    }

    /**
     * The complete response.
     *
     * @throws IllegalStateException if the response is not complete
     */
    public HttpResponse response() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("the response is not complete: " + progress()
                    + (state == State.FAILED ? " (" + failure + ")" : " (in " + state + ")"));
        }
        return response;
    }

    /*
     * Implementation notes.
     *
     * feed() calls step() until the buffer is empty or the response complete. Each step either
     * reads toward the end of a line (lines are collected in `line`, because a line may arrive
     * across several feeds) and acts on a whole line, or copies body bytes. Nothing is read
     * ahead: a step never takes a byte past the end of the response, which is what leaves a
     * pipelined second response in the caller's buffer.
     */

    private void step(ByteBuffer in) throws ProtocolException {
        switch (state) {
            case STATUS_LINE, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                if (readLine(in)) {
                    String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
                    lineLength = 0;
                    onLine(text);
                }
            }
            case BODY_BY_LENGTH, CHUNK_DATA -> {
                int n = (int) Math.min(remaining, in.remaining());
                copyBody(in, n);
                remaining -= n;
                if (remaining == 0) {
                    if (state == State.BODY_BY_LENGTH) {
                        complete();
                    } else {
                        state = State.CHUNK_END;
                    }
                }
            }
            case BODY_UNTIL_CLOSE -> {
                if ((long) bodyLength + in.remaining() > maxBodyBytes) {
                    throw new ProtocolException("body longer than the limit of " + maxBodyBytes + " bytes");
                }
                copyBody(in, in.remaining());
            }
            case COMPLETE, FAILED -> throw new AssertionError("no step in " + state);
        }
    }

    /** Adds bytes to {@code line} up to and including a LF; true when a whole line is there (CR LF or LF dropped). */
    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                if (lineLength > MAX_LINE_BYTES) {
                    throw lineTooLong();
                }
                return true;
            }
            if (lineLength > MAX_LINE_BYTES) { // room for MAX_LINE_BYTES and the CR of a CR LF
                throw lineTooLong();
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(2 * line.length, MAX_LINE_BYTES + 1));
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private ProtocolException lineTooLong() {
        return new ProtocolException("a line of the response (in " + state + ") is longer than " + MAX_LINE_BYTES + " bytes");
    }

    private void onLine(String text) throws ProtocolException {
        switch (state) {
            case STATUS_LINE -> {
                parseStatusLine(text);
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (text.isEmpty()) {
                    endOfHead();
                } else {
                    addField(text, "header");
                }
            }
            case CHUNK_SIZE -> {
                remaining = parseChunkSize(text);
                if (remaining == 0) {
                    headerLines = 0; // the trailers have their own allowance
                    state = State.TRAILERS;
                } else {
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new ProtocolException("a chunk is longer than its declared size: expected CR LF after its data, got "
                            + quote(text));
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    complete();
                } else {
                    addField(text, "trailer"); // checked like a header, then dropped: nothing here uses trailers
                }
            }
            default -> throw new AssertionError("no lines in " + state);
        }
    }

    private void parseStatusLine(String text) throws ProtocolException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty, and its space missing.
        Matcher matcher = STATUS_LINE.matcher(text);
        if (!matcher.matches()) {
            throw new ProtocolException("malformed status line " + quote(text)
                    + ": expected HTTP/1.x, a space, a three-digit status code, then a reason");
        }
        http10 = matcher.group(1).equals("0");
        version = "HTTP/1." + matcher.group(1);
        status = Integer.parseInt(matcher.group(2));
        reason = matcher.group(3) == null ? "" : matcher.group(3);
    }

    /** A header or trailer line, "Name: value": the name a token right before the colon. */
    private void addField(String text, String kind) throws ProtocolException {
        if (++headerLines > MAX_HEADER_LINES) {
            throw new ProtocolException("more than " + MAX_HEADER_LINES + " " + kind + " lines");
        }
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            throw new ProtocolException(kind + " line starts with white space (obsolete line folding, not accepted): "
                    + quote(text));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ProtocolException(kind + " line without a colon: " + quote(text));
        }
        String name = text.substring(0, colon);
        if (name.isEmpty() || !name.chars().allMatch(HttpRequestWriter::isTokenChar)) {
            throw new ProtocolException("malformed " + kind + " name " + quote(name) + " in " + quote(text));
        }
        if (state == State.HEADERS) {
            String value = text.substring(colon + 1).strip();
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>(1)).add(value);
        }
    }

    /** The empty line after the headers: decide how the body is framed (RFC 9112, section 6.3). */
    private void endOfHead() throws ProtocolException {
        if (status == 101) {
            throw new ProtocolException("101 Switching Protocols, but the request asked for no upgrade");
        }
        if (status < 200) {
            // 100 Continue, 103 Early Hints…: an interim response; the real one follows.
            headers = new LinkedHashMap<>();
            headerLines = 0;
            state = State.STATUS_LINE;
            return;
        }
        if (method == HttpMethod.HEAD || status == 204 || status == 304) {
            complete(); // no body, whatever Content-Length says: it describes the resource
            return;
        }
        List<String> transferEncoding = headers.getOrDefault("transfer-encoding", List.of());
        List<String> contentLength = headers.getOrDefault("content-length", List.of());
        if (!transferEncoding.isEmpty()) {
            if (!contentLength.isEmpty()) {
                // RFC 9112 6.3 lets Transfer-Encoding win; the two together are also how request
                // smuggling works, so this client refuses, as h11 does.
                throw new ProtocolException("both Transfer-Encoding and Content-Length in one response");
            }
            List<String> codings = tokens(transferEncoding);
            if (!codings.equals(List.of("chunked"))) {
                // Teaching shortcut: no compression codings (and no close-delimited fallback for them).
                throw new ProtocolException("unsupported Transfer-Encoding " + quote(String.join(", ", transferEncoding))
                        + ": only chunked is understood");
            }
            state = State.CHUNK_SIZE;
        } else if (!contentLength.isEmpty()) {
            declaredLength = parseContentLength(contentLength);
            if (declaredLength == 0) {
                complete();
                return;
            }
            remaining = declaredLength;
            body = new byte[(int) Math.min(declaredLength, TRUSTED_LENGTH)];
            state = State.BODY_BY_LENGTH;
        } else {
            closeDelimited = true;
            state = State.BODY_UNTIL_CLOSE;
        }
    }

    private long parseContentLength(List<String> values) throws ProtocolException {
        long length = -1;
        for (String piece : commaSeparated(values)) {
            long parsed;
            if (piece.startsWith("-") && piece.length() > 1 && isDigits(piece.substring(1))) {
                throw new ProtocolException("negative Content-Length: " + quote(piece));
            }
            if (!isDigits(piece)) {
                throw new ProtocolException("Content-Length is not a number: " + quote(String.join(", ", values)));
            }
            String digits = stripLeadingZeros(piece);
            parsed = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (length >= 0 && parsed != length) {
                throw new ProtocolException("conflicting Content-Length values: " + quote(String.join(", ", values)));
            }
            length = parsed;
        }
        if (length < 0) {
            throw new ProtocolException("Content-Length is not a number: " + quote(String.join(", ", values)));
        }
        if (length > maxBodyBytes) {
            throw new ProtocolException("Content-Length " + (length == Long.MAX_VALUE ? quote(values.getFirst()) : length)
                    + " exceeds the body limit of " + maxBodyBytes + " bytes");
        }
        return length;
    }

    private long parseChunkSize(String text) throws ProtocolException {
        int semicolon = text.indexOf(';'); // chunk extensions: allowed, ignored
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        if (hex.startsWith("-")) {
            throw new ProtocolException("negative chunk size in " + quote(text));
        }
        if (hex.isEmpty() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new ProtocolException("malformed chunk size line " + quote(text) + ": expected hexadecimal digits");
        }
        String digits = stripLeadingZeros(hex);
        long size = digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
        if (size > maxBodyBytes - (long) bodyLength) {
            throw new ProtocolException("chunk size " + quote(hex) + " takes the body past its limit of "
                    + maxBodyBytes + " bytes");
        }
        return size;
    }

    /** Copies {@code n} bytes out of {@code in} to the end of the body (the caller checked the limit). */
    private void copyBody(ByteBuffer in, int n) {
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, (int) Math.min(2L * body.length, maxBodyBytes)));
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }

    private void complete() {
        state = State.COMPLETE;
        response = new HttpResponse(version, status, reason, headers,
                bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength), keepAlive());
        body = null; // the response has its own copy
    }

    /** See "Keep-alive" in the class comment. */
    private boolean keepAlive() {
        if (closeDelimited) {
            return false;
        }
        List<String> connection = tokens(headers.getOrDefault("connection", List.of()));
        if (connection.contains("close")) {
            return false;
        }
        return !http10 || connection.contains("keep-alive");
    }

    private String whereCut() {
        return switch (state) {
            case STATUS_LINE -> bytesTaken == 0 ? "connection closed before the status line"
                    : lineLength > 0 ? "connection closed in the middle of the status line"
                    : "connection closed after an interim 1xx response, before the status line of the final one";
            case HEADERS -> "connection closed in the middle of the headers";
            case BODY_BY_LENGTH -> "connection closed after " + bodyLength + " of " + declaredLength + " body bytes";
            case CHUNK_SIZE, CHUNK_DATA, CHUNK_END -> "connection closed in the middle of the chunked body, after "
                    + bodyLength + " body bytes";
            case TRAILERS -> "connection closed in the trailers after the chunked body";
            case BODY_UNTIL_CLOSE, COMPLETE, FAILED -> throw new AssertionError("not cut in " + state);
        };
    }

    private void fail(String message) {
        state = State.FAILED;
        failure = message;
        body = null;
        line = null;
    }

    private void throwIfFailed() throws ProtocolException {
        if (state == State.FAILED) {
            throw new ProtocolException("the response parser failed earlier: " + failure);
        }
    }

    // ------------------------------------------------------------------ small text helpers

    /** The comma-separated list elements of all values, lower case, empty elements dropped. */
    private static List<String> tokens(List<String> values) {
        return commaSeparated(values).stream().filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> pieces = new ArrayList<>();
        for (String value : values) {
            for (String piece : value.split(",", -1)) {
                pieces.add(piece.strip());
            }
        }
        return pieces;
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** The text in quotes for an error message, cut short and with control characters made visible. */
    private static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder quoted = new StringBuilder(shown.length() + 2).append('"');
        shown.chars().forEach(c -> quoted.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return quoted.append('"').toString();
    }
}
