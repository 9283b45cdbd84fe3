package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The async-await paradigm bound to the resume contract. */
class AsyncAwaitResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
