package paradigms.callbacks;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** The callbacks paradigm bound to the {@code counter} contract. */
class CallbacksCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new CallbacksParadigm();
    }

    /** Read and write in two callbacks, nothing held between: the FIFO queue runs the others in the gap. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        return Optional.of(new Counter(Counter.Increment.SPLIT));
    }
}
