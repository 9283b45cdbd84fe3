package paradigms.common.exercises;

/**
 * Thrown by the starting point of an exercise ("Exercises for you" at the end of each chapter)
 * until the learner has written it. Its message says what to do next and where the exercise
 * is stated, so that the first run of an exercise's acceptance test reads as an instruction,
 * not as a failure.
 *
 * <p>The starting points live in each module's {@code src/exercises/java}, which only the
 * {@code exercises} Maven profile compiles; the reference solutions, in
 * {@code src/solutions/java}, never throw it. The acceptance tests tell "not done yet" from
 * "done, but wrong" by this type: see {@code ExerciseProgress} in common's tests.
 */
public final class NotDoneYet extends RuntimeException {

    /**
     * @param whatToDo what the learner writes next, e.g. "exercise fixed-rate is not done yet:
     *                 implement FixedRate.every — see callbacks/README.md, Exercises for you, 1"
     */
    public NotDoneYet(String whatToDo) {
        super(whatToDo);
    }
}
