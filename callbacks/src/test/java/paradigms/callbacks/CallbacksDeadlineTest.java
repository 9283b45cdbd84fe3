package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The callbacks paradigm bound to the {@code deadline} contract. */
class CallbacksDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
