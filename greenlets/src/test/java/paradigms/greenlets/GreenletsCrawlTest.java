package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The crawl contract, bound to virtual threads. */
class GreenletsCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
