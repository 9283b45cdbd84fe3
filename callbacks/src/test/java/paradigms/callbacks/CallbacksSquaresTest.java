package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The callbacks paradigm bound to the {@code squares} contract. */
class CallbacksSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
