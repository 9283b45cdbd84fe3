package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The multiprocessing paradigm bound to the squares contract. */
class MultiprocessingSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
