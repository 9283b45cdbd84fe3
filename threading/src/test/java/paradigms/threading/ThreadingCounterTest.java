package paradigms.threading;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.contract.Rounds;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** Platform threads bound to the {@code counter} contract. */
class ThreadingCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new ThreadingParadigm();
    }

    /** No lock; between read and write each thread waits until all have read. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        var rounds = new Rounds(tasks);
        return Optional.of(Counter.withoutLock(rounds::await));
    }
}
