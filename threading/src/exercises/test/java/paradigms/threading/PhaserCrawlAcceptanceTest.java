package paradigms.threading;

import org.junit.jupiter.api.Tag;
import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/**
 * Exercise {@code phaser-frontier}: a crawl whose termination a {@code Phaser} counts must pass
 * the whole {@code crawl} contract — the exact reachable set, each page once, at most C in
 * flight, faulty pages recorded, a clean end on a broken root or no server.
 */
@Tag("exercise")
@Tag("phaser-frontier")
class PhaserCrawlAcceptanceTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return ChapterWith.crawl(new PhaserCrawl());
    }
}
