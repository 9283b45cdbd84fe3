package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The callbacks paradigm bound to the {@code pipeline} contract. */
class CallbacksPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }
}
