package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** The sequential baseline bound to the counter contract. */
class SequentialCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
