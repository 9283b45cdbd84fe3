package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The async-await paradigm bound to the exhibition contract. */
class AsyncAwaitExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
