package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.ExhibitionContract;

/** The exhibition contract, bound to virtual threads. */
class GreenletsExhibitionTest implements ExhibitionContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
