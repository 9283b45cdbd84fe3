package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The async-await paradigm bound to the waiters contract. */
class AsyncAwaitWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
