package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The multiprocessing paradigm bound to the crawl contract. */
class MultiprocessingCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
