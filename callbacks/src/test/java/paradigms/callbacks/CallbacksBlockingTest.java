package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The callbacks paradigm bound to the {@code blocking} contract. */
class CallbacksBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
