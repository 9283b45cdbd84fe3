package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The {@code waiters} contract, bound to this chapter. */
class GeneratorsWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
