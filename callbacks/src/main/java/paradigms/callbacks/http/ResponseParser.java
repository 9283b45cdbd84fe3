package paradigms.callbacks.http;

import java.io.EOFException;
import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from bytes as they arrive, in pieces of any size.
 *
 * <p>A callback-driven client cannot "read a line": it gets whatever bytes the socket had, and
 * must remember where it was until the next readable callback. That memory is this state
 * machine:
 * <pre>
 *   STATUS_LINE --line--> HEADERS --empty line--> one of:
 *       BODY_BY_LENGTH   (Content-Length: N)          --N bytes------------------> DONE
 *       CHUNK_SIZE       (Transfer-Encoding: chunked) --size > 0--> CHUNK_DATA --size bytes--> CHUNK_END --CRLF--> CHUNK_SIZE
 *                                                     --size 0----> TRAILERS   --empty line--> DONE
 *       BODY_UNTIL_CLOSE (neither)                    --end of stream---------------------> DONE
 *       DONE             (1xx-less no-body statuses: 204, 304)
 *   HEADERS of an informational 1xx response --> STATUS_LINE (the real response follows)
 * </pre>
 * Lines and header counts are capped, so that a broken server cannot make the client buffer
 * without bound. One parser per response; not thread-safe (it lives on the loop thread).
 */
public final class ResponseParser {

    private static final int MAX_LINE = 8_192;
    private static final int MAX_HEADERS = 100;

    private enum State { STATUS_LINE, HEADERS, BODY_BY_LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BODY_UNTIL_CLOSE, DONE }

    private State state = State.STATUS_LINE;
    private final StringBuilder line = new StringBuilder();
    private boolean sawAnyByte;

    private String version;
    private int status;
    private Map<String, List<String>> headers = new LinkedHashMap<>();
    private int headerCount;

    private byte[] fixedBody;          // BODY_BY_LENGTH: the whole body, filled up to bodyFilled
    private int bodyFilled;
    private long chunkLeft;            // CHUNK_DATA: bytes of the current chunk still to come
    private final ByteArrayOutputStream growingBody = new ByteArrayOutputStream(); // chunked or until-close

    /**
     * Consumes bytes from {@code in} (between its position and limit) until the response is
     * complete or the bytes run out. Bytes after the end of the response stay in {@code in}.
     *
     * @return true once the response is complete
     * @throws ProtocolException if the bytes are not an HTTP/1.x response
     */
    public boolean feed(ByteBuffer in) throws ProtocolException {
        if (in.hasRemaining()) {
            sawAnyByte = true;
        }
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case STATUS_LINE -> {
                    if (readLine(in)) {
                        parseStatusLine(takeLine());
                        state = State.HEADERS;
                    }
                }
                case HEADERS -> {
                    if (readLine(in)) {
                        String header = takeLine();
                        if (header.isEmpty()) {
                            state = afterHeaders();
                        } else {
                            addHeader(header);
                        }
                    }
                }
                case BODY_BY_LENGTH -> {
                    int n = Math.min(in.remaining(), fixedBody.length - bodyFilled);
                    in.get(fixedBody, bodyFilled, n);
                    bodyFilled += n;
                    if (bodyFilled == fixedBody.length) {
                        state = State.DONE;
                    }
                }
                case CHUNK_SIZE -> {
                    if (readLine(in)) {
                        chunkLeft = parseChunkSize(takeLine());
                        state = chunkLeft == 0 ? State.TRAILERS : State.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(in.remaining(), chunkLeft);
                    copyInto(growingBody, in, n);
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (readLine(in)) {
                        if (!takeLine().isEmpty()) {
                            throw new ProtocolException("a chunk is longer than its declared size");
                        }
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    if (readLine(in) && takeLine().isEmpty()) {
                        state = State.DONE; // trailer fields themselves are read and ignored
                    }
                }
                case BODY_UNTIL_CLOSE -> copyInto(growingBody, in, in.remaining());
                case DONE -> throw new AssertionError("unreachable");
            }
        }
        return state == State.DONE;
    }

    /**
     * The server closed the connection. That ends a body delimited by the close; anywhere else
     * it means the response was cut short.
     *
     * @return true if the response is now complete
     * @throws EOFException if the response was cut short
     */
    public boolean endOfStream() throws EOFException {
        switch (state) {
            case DONE -> {
                return true;
            }
            case BODY_UNTIL_CLOSE -> {
                state = State.DONE;
                return true;
            }
            case BODY_BY_LENGTH -> throw new EOFException(
                    "connection closed after " + bodyFilled + " of " + fixedBody.length + " body bytes");
            case STATUS_LINE -> throw new EOFException(sawAnyByte
                    ? "connection closed in the middle of the status line"
                    : "connection closed before any byte of a response");
            default -> throw new EOFException("connection closed while reading the " + state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Whether any byte of the response has arrived: after that, a request can no longer be retried safely. */
    public boolean sawAnyByte() {
        return sawAnyByte;
    }

    /** Whether the connection may carry another request once this response is complete. */
    public boolean keepAlive() {
        if (state != State.DONE || version == null) {
            return false;
        }
        String connection = String.join(",", headers.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            return false;
        }
        if (headers.containsKey("content-length") || headers.containsKey("transfer-encoding") || noBody(status)) {
            return version.equals("HTTP/1.1") || connection.contains("keep-alive");
        }
        return false; // the body ran until the close
    }

    /** The complete response. */
    public Response response() {
        if (state != State.DONE) {
            throw new IllegalStateException("the response is not complete yet (" + state + ")");
        }
        byte[] body = fixedBody != null ? fixedBody : growingBody.toByteArray();
        return new Response(status, headers, body);
    }

    // ------------------------------------------------------------------ pieces

    /** Appends bytes to the current line until a LF; true when the line is complete (without CR LF). */
    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return true;
            }
            if (line.length() >= MAX_LINE) {
                throw new ProtocolException("a line of the response is longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff)); // headers are ISO-8859-1
        }
        return false;
    }

    private String takeLine() {
        String text = line.toString();
        line.setLength(0);
        return text;
    }

    private void parseStatusLine(String text) throws ProtocolException {
        // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
        String[] parts = text.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x status line: \"" + text + "\"");
        }
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not a status code: \"" + parts[1] + "\"");
        }
        if (status < 100 || status > 999) {
            throw new ProtocolException("not a status code: " + status);
        }
        version = parts[0];
    }

    private void addHeader(String text) throws ProtocolException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new ProtocolException("malformed header line: \"" + text + "\"");
        }
        if (++headerCount > MAX_HEADERS) {
            throw new ProtocolException("more than " + MAX_HEADERS + " headers");
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(text.substring(colon + 1).strip());
    }

    private State afterHeaders() throws ProtocolException {
        if (status >= 100 && status < 200 && status != 101) {
            // "100 Continue" and friends: a real response follows on the same connection.
            headers = new LinkedHashMap<>();
            headerCount = 0;
            return State.STATUS_LINE;
        }
        if (noBody(status)) {
            fixedBody = new byte[0];
            return State.DONE;
        }
        String transferEncoding = String.join(",", headers.getOrDefault("transfer-encoding", List.of())).toLowerCase(Locale.ROOT);
        if (transferEncoding.contains("chunked")) {
            return State.CHUNK_SIZE; // chunked wins over Content-Length (RFC 9112, 6.3)
        }
        List<String> lengths = headers.get("content-length");
        if (lengths != null) {
            long length = parseLength(lengths);
            if (length > Integer.MAX_VALUE - 8) {
                throw new ProtocolException("body of " + length + " bytes is too large for this client");
            }
            fixedBody = new byte[(int) length];
            return length == 0 ? State.DONE : State.BODY_BY_LENGTH;
        }
        return State.BODY_UNTIL_CLOSE;
    }

    private static boolean noBody(int status) {
        return status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static long parseLength(List<String> values) throws ProtocolException {
        long length = -1;
        for (String value : values) {
            for (String piece : value.split(",")) {
                long parsed;
                try {
                    parsed = Long.parseLong(piece.strip());
                } catch (NumberFormatException e) {
                    throw new ProtocolException("malformed Content-Length: \"" + value + "\"");
                }
                if (parsed < 0 || (length >= 0 && parsed != length)) {
                    throw new ProtocolException("conflicting or negative Content-Length: " + values);
                }
                length = parsed;
            }
        }
        return length;
    }

    private static long parseChunkSize(String text) throws ProtocolException {
        int semicolon = text.indexOf(';'); // chunk extensions are allowed and ignored
        String hex = (semicolon >= 0 ? text.substring(0, semicolon) : text).strip();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new ProtocolException("chunk size out of range: " + text);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed chunk size: \"" + text + "\"");
        }
    }

    private static void copyInto(ByteArrayOutputStream out, ByteBuffer in, int n) {
        if (in.hasArray()) {
            out.write(in.array(), in.arrayOffset() + in.position(), n);
            in.position(in.position() + n);
        } else {
            byte[] piece = new byte[n];
            in.get(piece);
            out.write(piece, 0, n);
        }
    }
}
