package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The callbacks paradigm bound to the {@code crawl} contract. */
class CallbacksCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
