package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The sequential baseline bound to the crawl contract. */
class SequentialCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
