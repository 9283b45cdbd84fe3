package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The {@code waiters} contract, bound to virtual threads. */
class GreenletsWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
