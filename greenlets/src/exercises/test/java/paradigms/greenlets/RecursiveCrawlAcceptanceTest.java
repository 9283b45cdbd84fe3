package paradigms.greenlets;

import org.junit.jupiter.api.Tag;
import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/**
 * Exercise {@code recursive-crawl}: a crawl written as a recursion of virtual threads must pass the
 * whole {@code crawl} contract — the exact reachable set, each page once, at most C in flight,
 * faulty pages recorded, a clean end on a broken root or no server.
 */
@Tag("exercise")
@Tag("recursive-crawl")
class RecursiveCrawlAcceptanceTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return ChapterWith.crawl(new RecursiveCrawl());
    }
}
