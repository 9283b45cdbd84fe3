package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The {@code blocking} contract, bound to this chapter. */
class GeneratorsBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
