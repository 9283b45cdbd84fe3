package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;

/** Platform threads bound to the {@code counter} contract. */
class ThreadingCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
