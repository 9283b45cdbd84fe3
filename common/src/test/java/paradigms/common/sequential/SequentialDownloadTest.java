package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The sequential baseline bound to the download contract. */
class SequentialDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
