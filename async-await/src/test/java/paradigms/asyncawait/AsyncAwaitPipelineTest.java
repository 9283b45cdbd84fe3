package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The async-await paradigm bound to the {@code pipeline} contract. */
class AsyncAwaitPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }
}
