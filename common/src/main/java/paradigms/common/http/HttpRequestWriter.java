package paradigms.common.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The bytes of an HTTP/1.1 request without a body ({@code GET} or {@code HEAD}), ready to be
 * written to a connection. No I/O: the caller sends the bytes however its chapter waits.
 *
 * <p>A request looks like this (every line ends in CR LF, and an empty line ends the head):
 * <pre>
 * GET /path?query HTTP/1.1
 * Host: example.org:8080
 * Connection: keep-alive
 * (extra headers, in the order given)
 * </pre>
 * {@code Host} carries the port only when the URI names one other than 80. The target is the
 * URI's raw path (or {@code /}) and raw query; the fragment is never sent. Characters outside
 * ASCII in the path or query are percent-encoded as UTF-8, as {@link URI#toASCIIString()} does.
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpRequestWriter {

    private static final int DEFAULT_PORT = 80;

    private HttpRequestWriter() {
    }

    /** {@code GET uri}, asking the server to keep the connection open or to close it after answering. */
    public static byte[] get(URI uri, boolean keepAlive) {
        return request(HttpMethod.GET, uri, keepAlive, Map.of());
    }

    /**
     * The request for {@code method} and {@code uri}.
     *
     * @param keepAlive    true sends {@code Connection: keep-alive}, false {@code Connection: close}
     * @param extraHeaders more header fields, in the map's iteration order; names are tokens, values
     *                     printable ASCII; {@code Host} and {@code Connection} are the writer's own
     * @return the request head in ASCII, CR LF line ends, a fresh array the caller owns
     * @throws IllegalArgumentException if the URI is not {@code http://} with a host, or a header
     *                                  is not allowed; the message names the field
     */
    public static byte[] request(HttpMethod method, URI uri, boolean keepAlive, Map<String, String> extraHeaders) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(extraHeaders, "extraHeaders");
        URI ascii = URI.create(uri.toASCIIString()); // percent-encodes what is not ASCII, so raw parts are ASCII
        if (ascii.getScheme() == null || !ascii.getScheme().equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("scheme must be http, was " + ascii.getScheme() + " in " + uri);
        }
        if (ascii.getHost() == null) {
            throw new IllegalArgumentException("host is missing or not a valid host name in " + uri);
        }
        StringBuilder head = new StringBuilder(128);
        head.append(method.name()).append(' ').append(target(ascii)).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(hostHeader(ascii)).append("\r\n");
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
            appendHeader(head, header.getKey(), header.getValue());
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The request target: raw path and query, as they were written (already percent-encoded). */
    static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** host, or host:port when the port is not HTTP's default; an IPv6 host keeps its brackets. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        return port == -1 || port == DEFAULT_PORT ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static void appendHeader(StringBuilder head, String name, String value) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(HttpRequestWriter::isTokenChar)) {
            throw new IllegalArgumentException("extraHeaders: header name must be a token, was \"" + name + "\"");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("host") || lower.equals("connection")) {
            throw new IllegalArgumentException("extraHeaders: " + name + " is written by the request writer itself");
        }
        if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("extraHeaders: value of " + name
                    + " must be printable ASCII without CR or LF, was \"" + value + "\"");
        }
        head.append(name).append(": ").append(value.strip()).append("\r\n");
    }

    /** RFC 9110's tchar: letters, digits and a few marks; no space, no separator. */
    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
