package paradigms.common.crawl;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every URL the crawl fetched, with what was found there, sorted by URL; and how many new
 * in-scope links it left unfollowed because {@link CrawlRequest#maxPages()} was reached —
 * zero when the crawl saw the whole site.
 */
public record CrawlResult(SortedMap<URI, CrawlOutcome> outcomes, int linksNotFollowed) {

    public CrawlResult {
        outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
        if (linksNotFollowed < 0) {
            throw new IllegalArgumentException("linksNotFollowed must not be negative, was " + linksNotFollowed);
        }
    }

    public static CrawlResult of(Map<URI, CrawlOutcome> outcomes, PageBudget budget) {
        return new CrawlResult(new TreeMap<>(outcomes), budget.linksNotFollowed());
    }

    public int size() {
        return outcomes.size();
    }

    /** Whether the page limit cut the crawl short. */
    public boolean stoppedAtMaxPages() {
        return linksNotFollowed > 0;
    }
}
