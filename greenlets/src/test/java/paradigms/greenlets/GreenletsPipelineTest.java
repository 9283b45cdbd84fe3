package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The {@code pipeline} contract, bound to virtual threads. */
class GreenletsPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }
}
