package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The multiprocessing paradigm bound to the pipeline contract. */
class MultiprocessingPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }
}
