package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.DownloadContract;

/** Platform threads bound to the {@code download} contract. */
class ThreadingDownloadTest implements DownloadContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
