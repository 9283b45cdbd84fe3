package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The download contract, bound to virtual threads. */
class GreenletsDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
