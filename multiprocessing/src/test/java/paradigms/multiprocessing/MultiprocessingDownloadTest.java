package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The multiprocessing paradigm bound to the download contract. */
class MultiprocessingDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
