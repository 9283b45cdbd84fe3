package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The {@code deadline} contract, bound to this chapter. */
class GeneratorsDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
