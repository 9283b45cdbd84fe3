package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The multiprocessing paradigm bound to the deadline contract. */
class MultiprocessingDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
