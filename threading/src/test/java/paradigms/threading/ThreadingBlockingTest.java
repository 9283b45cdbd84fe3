package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.BlockingContract;

/** Platform threads bound to the {@code blocking} contract. */
class ThreadingBlockingTest implements BlockingContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
