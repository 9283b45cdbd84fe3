package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The {@code deadline} contract, bound to virtual threads. */
class GreenletsDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
