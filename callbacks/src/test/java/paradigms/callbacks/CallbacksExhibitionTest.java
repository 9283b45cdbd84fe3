package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The callbacks paradigm bound to the {@code exhibition} contract. */
class CallbacksExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
