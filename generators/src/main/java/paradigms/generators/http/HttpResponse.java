package paradigms.generators.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A whole HTTP response.
 *
 * @param status  the status code; a 3xx is returned as it is, never followed
 * @param headers header names in lower case, each with its values in the order received;
 *                unmodifiable (the parser hands over its own map, which it drops: no copy)
 * @param body    the body, de-chunked
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The {@code Location} header of a redirect, or null. */
    public String location() {
        return header("Location").orElse(null);
    }
}
