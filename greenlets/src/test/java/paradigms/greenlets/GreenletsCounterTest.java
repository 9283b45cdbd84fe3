package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The {@code counter} contract, bound to virtual threads. */
class GreenletsCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
