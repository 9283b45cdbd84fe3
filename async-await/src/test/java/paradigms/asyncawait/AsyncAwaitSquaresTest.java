package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The async-await paradigm bound to the squares contract. */
class AsyncAwaitSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
