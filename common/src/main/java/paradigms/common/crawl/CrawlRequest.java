package paradigms.common.crawl;

import paradigms.common.Check;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Crawl a site from {@code root}, following links and redirects within the root's origin
 * (scheme, host and port), with at most {@code maxInFlight} requests outstanding.
 *
 * @param root        where to start; an absolute http(s) URL
 * @param maxInFlight C: the most requests in flight at once
 * @param timeout     how long one request may take
 */
public record CrawlRequest(URI root, int maxInFlight, Duration timeout) {

    public CrawlRequest {
        root = Links.normalize(Check.httpUrl("root", root));
        Check.positive("maxInFlight", maxInFlight);
        Check.positive("timeout", timeout);
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
