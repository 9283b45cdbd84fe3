package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The squares contract, bound to virtual threads. */
class GreenletsSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
