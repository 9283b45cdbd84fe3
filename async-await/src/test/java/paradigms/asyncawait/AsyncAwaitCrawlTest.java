package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The async-await paradigm bound to the crawl contract. */
class AsyncAwaitCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
