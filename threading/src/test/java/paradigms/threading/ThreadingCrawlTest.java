package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** Platform threads bound to the {@code crawl} contract. */
class ThreadingCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
