package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.PipelineContract;

/** The generators paradigm bound to the {@code pipeline} contract. */
class GeneratorsPipelineTest implements PipelineContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }
}
