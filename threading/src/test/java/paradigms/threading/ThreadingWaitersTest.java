package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.WaitersContract;

/** Platform threads bound to the {@code waiters} contract. */
class ThreadingWaitersTest implements WaitersContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
