package paradigms.common.crawl;

import paradigms.common.download.Failure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the crawler found at one URL. Every paradigm builds it with {@link #ofResponse} or
 * {@link #ofError}, so that they all read pages the same way and differ only in scheduling.
 */
public sealed interface CrawlOutcome permits CrawlOutcome.Page, CrawlOutcome.Redirect, CrawlOutcome.Failed {

    /** The URLs this outcome leads to, in scope or not; the crawler filters by scope. */
    List<URI> next();

    /** A 2xx HTML page and the links on it (absolute, without fragments, in page order). */
    record Page(int status, List<URI> links) implements CrawlOutcome {
        public Page {
            links = List.copyOf(links);
        }

        @Override
        public List<URI> next() {
            return links;
        }
    }

    /** A 3xx answer; the crawler follows {@code location} like a link. */
    record Redirect(int status, URI location) implements CrawlOutcome {
        @Override
        public List<URI> next() {
            return List.of(location);
        }
    }

    /** A broken link (status outside 2xx/3xx) or a failed fetch (status 0). */
    record Failed(Failure failure, int status, String detail) implements CrawlOutcome {
        @Override
        public List<URI> next() {
            return List.of();
        }
    }

    /**
     * The outcome of a response that arrived whole.
     *
     * @param location the {@code Location} header, or null
     */
    static CrawlOutcome ofResponse(URI url, int status, String location, byte[] body) {
        if (status >= 300 && status < 400 && location != null) {
            return new Redirect(status, Links.normalize(url.resolve(location.strip())));
        }
        if (status >= 200 && status < 300) {
            return new Page(status, Links.extract(new String(body, StandardCharsets.UTF_8), url));
        }
        return new Failed(Failure.HTTP_STATUS, status, "HTTP status " + status);
    }

    static CrawlOutcome ofError(Throwable error) {
        Throwable cause = Failure.unwrap(error);
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new Failed(Failure.of(cause), 0, cause.getClass().getSimpleName() + message);
    }
}
