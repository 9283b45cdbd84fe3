package paradigms.common.crawl;

import paradigms.common.Check;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Crawl a site from {@code root}, following links and redirects within the root's origin
 * (scheme, host and port), with at most {@code maxInFlight} requests outstanding and at most
 * {@code maxPages} URLs fetched.
 *
 * <p>Why a page limit: a site may have no end — a calendar whose every month links to the
 * next, a search page that links to its own next page. Without a limit such a crawl never
 * returns; with one, it stops, and the result says how many links it left unfollowed
 * ({@link CrawlResult#linksNotFollowed()}).
 *
 * @param root        where to start; an absolute http(s) URL
 * @param maxInFlight C: the most requests in flight at once
 * @param timeout     how long one request may take
 * @param maxPages    the most URLs fetched, the root and each redirect's source included
 */
public record CrawlRequest(URI root, int maxInFlight, Duration timeout, int maxPages) {

    /** Far above the generated sites of the contract and of {@code compare} (hundreds of pages). */
    public static final int DEFAULT_MAX_PAGES = 10_000;

    public CrawlRequest {
        root = Links.normalize(Check.httpUrl("root", root));
        Check.positive("maxInFlight", maxInFlight);
        Check.positive("timeout", timeout);
        Check.positive("maxPages", maxPages);
    }

    public CrawlRequest(URI root, int maxInFlight, Duration timeout) {
        this(root, maxInFlight, timeout, DEFAULT_MAX_PAGES);
    }

    public CrawlRequest(URI root, int maxInFlight) {
        this(root, maxInFlight, Duration.ofSeconds(10));
    }

    /** Whether a link belongs to the site being crawled: same scheme, host and port as the root. */
    public boolean inScope(URI link) {
        return Objects.equals(link.getScheme(), root.getScheme())
                && Objects.equals(link.getHost(), root.getHost())
                && link.getPort() == root.getPort();
    }
}
