package paradigms.common.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One whole HTTP response, as {@link ResponseParser} read it. A 3xx arrives as it is, with its
 * {@code Location}: the codec follows no redirect (the crawlers do, themselves).
 *
 * <p>Immutable: the constructor copies the headers and the body, and {@link #body()} returns a
 * copy, so no caller can change what another sees. (Copying costs time for big bodies; the
 * course's bodies are small and a shared mutable array would be a trap for a reader.)
 * {@code equals} compares the body's content, not the array's identity.
 *
 * @param version   {@code "HTTP/1.1"} or {@code "HTTP/1.0"} (any {@code HTTP/1.x} the server sent)
 * @param status    the status code, 100–599 (never 1xx: interim responses are skipped)
 * @param reason    the reason phrase, possibly empty
 * @param headers   values by lower-case name, names in the order they first came, values in the
 *                  order they came; unmodifiable
 * @param body      the body, de-chunked; empty when there was none (HEAD, 204, 304)
 * @param keepAlive whether the connection may carry another request after this response
 *                  (see {@link ResponseParser} for the rule)
 */
public record HttpResponse(String version, int status, String reason,
                           Map<String, List<String>> headers, byte[] body, boolean keepAlive) {

    public HttpResponse {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> merged = new LinkedHashMap<>(); // "Via" and "via" are one field
        headers.forEach((name, values) ->
                merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        merged.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** A copy of the body: change it freely. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The number of body bytes, without copying the body. */
    public int bodyLength() {
        return body.length;
    }

    /** The first value of header {@code name} (any case), or null if there is none. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of header {@code name} (any case), in the order they came; empty if none. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The {@code Location} of a redirect, or null. */
    public String location() {
        return header("location");
    }

    /**
     * When the server said it sent this answer ({@link SentAt#HEADER}): its {@code System.nanoTime()},
     * comparable with this machine's; empty if the answer carries no such stamp.
     */
    public OptionalLong sentAtNanos() {
        return SentAt.parse(header(SentAt.HEADER));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse that
                && version.equals(that.version) && status == that.status && reason.equals(that.reason)
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && keepAlive == that.keepAlive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, status, reason, headers, Arrays.hashCode(body), keepAlive);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + version + " " + status + " " + reason + ", " + headers.size() + " headers, "
                + body.length + " body bytes, " + (keepAlive ? "keep-alive" : "close") + "]";
    }
}
