package paradigms.asyncawait;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** The async-await paradigm bound to the counter contract. */
class AsyncAwaitCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new AsyncAwaitParadigm();
    }

    /** The chains without the permit, on one thread: every hop lets the other chains read. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        return Optional.of(Counter.unguarded(1, Counter.HOP));
    }
}
