package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;

/** The {@code squares} contract, bound to this chapter. */
class GeneratorsSquaresTest implements SquaresContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
