package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** Platform threads bound to the {@code exhibition} contract. */
class ThreadingExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
