package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The {@code exhibition} contract, bound to this chapter. */
class GeneratorsExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
