package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The {@code resume} contract, bound to virtual threads. */
class GreenletsResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
