package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The multiprocessing paradigm bound to the exhibition contract. */
class MultiprocessingExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
