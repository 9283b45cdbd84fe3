package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The async-await paradigm bound to the deadline contract. */
class AsyncAwaitDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
