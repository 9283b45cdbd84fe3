package paradigms.callbacks.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole HTTP response: status, headers, body. A 3xx arrives as it is, with its
 * {@code Location} header — the client follows no redirect (the crawler does, itself).
 *
 * @param status  the status code, e.g. 200
 * @param headers header values by lower-case name, in the order they came
 * @param body    the body, de-chunked; empty when there was none
 */
public record Response(int status, Map<String, List<String>> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + body.length + " body bytes]";
    }
}
