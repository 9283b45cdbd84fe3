package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The {@code counter} contract, bound to this chapter. */
class GeneratorsCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
