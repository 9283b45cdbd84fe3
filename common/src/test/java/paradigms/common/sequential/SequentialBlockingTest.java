package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** The sequential baseline bound to the blocking contract. */
class SequentialBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
