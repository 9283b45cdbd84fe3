package paradigms.multiprocessing;

import paradigms.common.Paradigm;
import paradigms.common.contract.CounterContract;
import paradigms.common.contract.Rounds;
import paradigms.common.counter.CounterExercise;

import java.util.Optional;

/** The multiprocessing paradigm bound to the counter contract. */
class MultiprocessingCounterTest implements CounterContract {

    @Override
    public Paradigm paradigm() {
        return new MultiprocessingParadigm();
    }

    /** No lease, one worker per task; between read and write the parent holds each task until all have read. */
    @Override
    public Optional<CounterExercise> unguarded(int tasks) {
        var rounds = new Rounds(tasks);
        return Optional.of(Counter.unguarded(tasks, rounds::await));
    }
}
