package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.ResumeContract;

/** The generators paradigm bound to the {@code resume} contract. */
class GeneratorsResumeTest implements ResumeContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
