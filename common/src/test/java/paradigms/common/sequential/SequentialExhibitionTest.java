package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The sequential baseline bound to the exhibition contract. */
class SequentialExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
