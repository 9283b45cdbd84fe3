package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The sequential baseline bound to the resume contract. */
class SequentialResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
