package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** Platform threads bound to the {@code pipeline} contract. */
class ThreadingPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }
}
