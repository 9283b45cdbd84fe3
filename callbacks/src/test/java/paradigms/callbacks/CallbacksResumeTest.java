package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The callbacks paradigm bound to the {@code resume} contract. */
class CallbacksResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
