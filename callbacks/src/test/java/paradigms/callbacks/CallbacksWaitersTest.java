package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The callbacks paradigm bound to the {@code waiters} contract. */
class CallbacksWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
