package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.CrawlContract;

/** The {@code crawl} contract, bound to this chapter. */
class GeneratorsCrawlTest implements CrawlContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
