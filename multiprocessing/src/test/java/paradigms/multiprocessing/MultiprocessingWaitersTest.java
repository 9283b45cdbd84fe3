package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The multiprocessing paradigm bound to the waiters contract. */
class MultiprocessingWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
