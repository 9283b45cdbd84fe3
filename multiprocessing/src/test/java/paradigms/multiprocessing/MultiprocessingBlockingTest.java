package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The multiprocessing paradigm bound to the blocking contract. */
class MultiprocessingBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
