package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** Platform threads bound to the {@code squares} contract. */
class ThreadingSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
