package paradigms.generators;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** The {@code counter} contract, bound to this chapter. */
class GeneratorsCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new GeneratorsParadigm();
    }

    /** The coroutines without the lock: each {@code yield} between read and write lets the others read. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        return Optional.of(Counter::countWithoutLock);
    }
}
