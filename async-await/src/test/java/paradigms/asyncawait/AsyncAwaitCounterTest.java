package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The async-await paradigm bound to the counter contract. */
class AsyncAwaitCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
