package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** The sequential baseline bound to the deadline contract. */
class SequentialDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
