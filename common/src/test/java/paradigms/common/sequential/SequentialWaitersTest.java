package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** The sequential baseline bound to the waiters contract. */
class SequentialWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
