package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.DeadlineContract;

/** Platform threads bound to the {@code deadline} contract. */
class ThreadingDeadlineTest implements DeadlineContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
