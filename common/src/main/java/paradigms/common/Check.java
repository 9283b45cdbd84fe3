package paradigms.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Validation for the exercises' input records. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the name of the offending
 * field, so bad input is reported where it enters, never as a stack trace from deep inside.
 */
public final class Check {

    private Check() {
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static int notNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static Duration positive(String field, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static Duration notNegative(String field, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    public static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** A non-empty list without null elements, copied so that the caller cannot change it later. */
    public static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** Rejects duplicates: an exercise that must do each item once cannot be given one twice. */
    public static <T> List<T> distinct(String field, List<T> values) {
        var seen = new HashSet<T>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw new IllegalArgumentException(field + "[" + i + "] is a duplicate: " + values.get(i));
            }
        }
        return values;
    }

    /** An absolute http:// or https:// URL with a host. */
    public static URI httpUrl(String field, URI url) {
        Objects.requireNonNull(field);
        if (url == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(field + " must be an http:// or https:// URL, was \"" + url + "\"");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException(field + " has no host: \"" + url + "\"");
        }
        return url;
    }

    /** Parses and checks a URL given as text, e.g. from the command line. */
    public static URI httpUrl(String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        try {
            return httpUrl(field, new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL: \"" + text + "\" (" + e.getReason() + ")");
        }
    }
}
