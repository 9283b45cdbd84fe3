package paradigms.common.sequential;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The sequential baseline bound to the pipeline contract. */
class SequentialPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new SequentialParadigm();
    }
}
