package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The sequential baseline bound to the squares contract. */
class SequentialSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
