package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The {@code resume} contract, bound to platform threads. */
class ThreadingResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
