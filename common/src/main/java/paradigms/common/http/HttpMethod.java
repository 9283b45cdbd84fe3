package paradigms.common.http;

/**
 * The request methods the codec speaks. The method matters to the response too: the answer to
 * a {@code HEAD} has headers only, even when they announce a body ({@link ResponseParser}).
 */
public enum HttpMethod {
    /** Fetch a resource: headers and body. */
    GET,
    /** The headers {@code GET} would have had, and no body. */
    HEAD
}
