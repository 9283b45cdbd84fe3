package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** The callbacks paradigm bound to the {@code download} contract. */
class CallbacksDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
