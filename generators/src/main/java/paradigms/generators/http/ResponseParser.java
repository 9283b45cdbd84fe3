package paradigms.generators.http;

import java.io.EOFException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from bytes as they arrive, in pieces of any size. No I/O and
 * no waiting here — the {@link Exchange} coroutine reads and waits; this only says how far
 * the response has got. Bodies are framed by {@code Content-Length}, by
 * {@code Transfer-Encoding: chunked}, or, without either, by the server closing the connection.
 *
 * <p>Parts, in order (a chunked body loops from CHUNK_END back to CHUNK_SIZE):
 * <pre>
 * HEAD -> FIXED_BODY | CHUNK_SIZE | UNTIL_CLOSE | COMPLETE (no body: 204, 304, Content-Length: 0)
 * CHUNK_SIZE -> CHUNK_DATA -> CHUNK_END -> CHUNK_SIZE ... -> (size 0) TRAILERS -> COMPLETE
 * </pre>
 * Not thread-safe: one exchange, on the loop thread.
 */
final class ResponseParser {

    private enum Part { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, COMPLETE }

    private static final int MAX_LINE = 8_192;
    private static final int MAX_HEADERS = 100;

    private Part part = Part.HEAD;
    private byte[] line = new byte[256]; // the line being read, without its CRLF
    private int lineLength;
    private String statusLine;
    private int status;
    private boolean http11;
    private final Map<String, List<String>> headers = new HashMap<>();
    private int headerCount;
    private byte[] body = new byte[0]; // grows as needed; exactly Content-Length when there is one
    private int bodyLength;
    private long remaining; // bytes left of a fixed body or of the current chunk
    private long received;

    /**
     * Takes what it can from {@code in} (ready for reading); true once the response is complete.
     * Every byte it takes is copied out, so {@code in} can be reused at once. Bytes after the
     * end of the response stay in {@code in}.
     */
    boolean feed(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining() && part != Part.COMPLETE) {
            int before = in.position();
            switch (part) {
                case HEAD, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    if (readLine(in)) {
                        onLine(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                        lineLength = 0;
                    }
                }
                case FIXED_BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    copyBody(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        part = part == Part.FIXED_BODY ? Part.COMPLETE : Part.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> copyBody(in, in.remaining());
                case COMPLETE -> throw new AssertionError("loop ends at COMPLETE");
            }
            received += in.position() - before;
        }
        return part == Part.COMPLETE;
    }

    /** The server closed the connection: that ends a body without framing; anything else was cut short. */
    void endOfStream() throws EOFException {
        if (part == Part.UNTIL_CLOSE) {
            part = Part.COMPLETE;
        } else if (part != Part.COMPLETE) {
            throw new EOFException("the server closed the connection " + (received == 0
                    ? "before answering" : "after " + received + " bytes of the response, in its " + part));
        }
    }

    boolean isComplete() {
        return part == Part.COMPLETE;
    }

    /** Whether any byte of a response has arrived: until then a failed request may be sent again. */
    boolean receivedAnything() {
        return received > 0;
    }

    /** Whether the connection can carry another request once this response is complete. */
    boolean keepAlive() {
        String connection = header("connection");
        if (mentions(connection, "close")) {
            return false;
        }
        return http11 || mentions(connection, "keep-alive");
    }

    HttpResponse response() {
        if (part != Part.COMPLETE) {
            throw new IllegalStateException("the response is not complete: still in " + part);
        }
        return new HttpResponse(status, Collections.unmodifiableMap(headers),
                bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength));
    }

    // ------------------------------------------------------------------ lines

    /** Adds bytes to {@code line} up to and including LF; true when a whole line is there (CRLF dropped). */
    private boolean readLine(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                if (lineLength >= MAX_LINE) {
                    throw new ProtocolException("a line of the response is longer than " + MAX_LINE + " bytes");
                }
                line = Arrays.copyOf(line, 2 * line.length);
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private void onLine(String text) throws ProtocolException {
        switch (part) {
            case HEAD -> {
                if (statusLine == null) {
                    parseStatusLine(text);
                } else if (!text.isEmpty()) {
                    addHeader(text);
                } else {
                    endOfHead();
                }
            }
            case CHUNK_SIZE -> {
                remaining = parseChunkSize(text);
                part = remaining == 0 ? Part.TRAILERS : Part.CHUNK_DATA;
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new ProtocolException("expected CRLF after a chunk, got \"" + text + "\"");
                }
                part = Part.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    part = Part.COMPLETE; // trailer fields, if any, are read and ignored
                }
            }
            default -> throw new AssertionError("no lines in " + part);
        }
    }

    private void parseStatusLine(String text) throws ProtocolException {
        // "HTTP/1.1 200 OK" — the reason phrase may be empty or missing
        int firstSpace = text.indexOf(' ');
        if (firstSpace < 0 || !text.startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x status line: \"" + text + "\"");
        }
        int secondSpace = text.indexOf(' ', firstSpace + 1);
        String code = secondSpace < 0 ? text.substring(firstSpace + 1) : text.substring(firstSpace + 1, secondSpace);
        try {
            status = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status code in \"" + text + "\"");
        }
        if (status < 100 || status > 599) {
            throw new ProtocolException("bad status code in \"" + text + "\"");
        }
        http11 = text.startsWith("HTTP/1.1 ");
        statusLine = text;
    }

    private void addHeader(String text) throws ProtocolException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new ProtocolException("malformed header line: \"" + text + "\"");
        }
        if (++headerCount > MAX_HEADERS) {
            throw new ProtocolException("more than " + MAX_HEADERS + " header lines");
        }
        String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(text.substring(colon + 1).strip());
    }

    /** The blank line after the headers: decide how the body is framed. */
    private void endOfHead() throws ProtocolException {
        if (status < 200) { // 100 Continue and friends: a head with no body; the real one follows
            statusLine = null;
            headers.clear();
            headerCount = 0;
            return;
        }
        String contentLength = header("content-length");
        if (status == 204 || status == 304) {
            part = Part.COMPLETE;
        } else if (mentions(header("transfer-encoding"), "chunked")) {
            part = Part.CHUNK_SIZE;
        } else if (!contentLength.isEmpty()) {
            try {
                remaining = Long.parseLong(contentLength);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: \"" + contentLength + "\"");
            }
            if (remaining < 0 || remaining > Integer.MAX_VALUE - 8) {
                throw new ProtocolException("Content-Length out of range: " + remaining);
            }
            body = new byte[(int) Math.min(remaining, 1 << 20)]; // trust a length only so far: beyond 1 MiB, grow
            part = remaining == 0 ? Part.COMPLETE : Part.FIXED_BODY;
        } else {
            part = Part.UNTIL_CLOSE;
            headers.put("connection", List.of("close")); // the end of the body is the end of the connection
        }
    }

    private static long parseChunkSize(String text) throws ProtocolException {
        int semicolon = text.indexOf(';'); // chunk extensions: ignored
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0 || size > Integer.MAX_VALUE - 8) {
                throw new ProtocolException("chunk size out of range: " + text);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size line: \"" + text + "\"");
        }
    }

    /** Copies {@code n} bytes out of {@code in}, which the caller may then reuse for the next read. */
    private void copyBody(ByteBuffer in, int n) {
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.min(2 * body.length, Integer.MAX_VALUE - 8)));
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }

    /** Whether {@code value} contains {@code word}, in any case (without making a lower-case copy). */
    private static boolean mentions(String value, String word) {
        for (int i = 0; i + word.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
