package paradigms.common.crawl;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many more URLs a crawl may fetch: {@link CrawlRequest#maxPages()} in all, the root
 * included. Every paradigm asks it the same way, after its seen-set has said a link is new:
 *
 * <pre>{@code if (request.inScope(next) && seen.add(next) && budget.claim()) { fetch next }}</pre>
 *
 * <p>A link that was new but found the budget spent stays in the seen-set, so it is counted
 * once however many pages link to it; {@link #linksNotFollowed()} reports how many there were.
 *
 * <p>Thread-safe (one atomic counter): the threading and greenlet crawls claim from many
 * threads at once; the event-loop crawls from one.
 */
public final class PageBudget {

    private final int maxPages;
    private final AtomicInteger claimed = new AtomicInteger(1); // the root: always fetched

    public PageBudget(CrawlRequest request) {
        this.maxPages = request.maxPages();
    }

    /** Call once per new in-scope link: whether the crawl may fetch it. */
    public boolean claim() {
        return claimed.incrementAndGet() <= maxPages;
    }

    /** New in-scope links found after the budget was spent, each counted once. */
    public int linksNotFollowed() {
        return Math.max(0, claimed.get() - maxPages);
    }
}
