package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The callbacks paradigm bound to the {@code counter} contract. */
class CallbacksCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
