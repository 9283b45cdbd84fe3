package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The async-await paradigm bound to the download contract. */
class AsyncAwaitDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
