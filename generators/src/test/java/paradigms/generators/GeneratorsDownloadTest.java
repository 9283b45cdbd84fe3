package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The {@code download} contract, bound to this chapter. */
class GeneratorsDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
