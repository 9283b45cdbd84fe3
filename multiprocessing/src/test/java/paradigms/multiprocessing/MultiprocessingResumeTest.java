package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The multiprocessing paradigm bound to the resume contract. */
class MultiprocessingResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
