package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The async-await paradigm bound to the blocking contract. */
class AsyncAwaitBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
