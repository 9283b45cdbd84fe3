package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The multiprocessing paradigm bound to the counter contract. */
class MultiprocessingCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
