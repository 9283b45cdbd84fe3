package paradigms.greenlets;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.contract.Rounds;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** The {@code counter} contract, bound to virtual threads. */
class GreenletsCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new GreenletsParadigm();
    }

    /** No lock; between read and write each virtual thread parks until all have read. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        var rounds = new Rounds(tasks);
        return Optional.of(Counter.withoutLock(rounds::await));
    }
}
