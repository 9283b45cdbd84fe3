package paradigms.common.crawl;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every URL the crawl reached, with what was found there, sorted by URL.
 */
public record CrawlResult(SortedMap<URI, CrawlOutcome> outcomes) {

    public CrawlResult {
        outcomes = Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
    }

    public static CrawlResult of(Map<URI, CrawlOutcome> outcomes) {
        return new CrawlResult(new TreeMap<>(outcomes));
    }

    public int size() {
        return outcomes.size();
    }
}
