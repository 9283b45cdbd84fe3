package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The blocking contract, bound to virtual threads. */
class GreenletsBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
