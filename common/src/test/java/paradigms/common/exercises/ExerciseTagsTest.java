package paradigms.common.exercises;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules by which the exercise checks tell "not done yet" from "done, but wrong". */
class ExerciseTagsTest {

    @Test
    void anAcceptanceTestIsTaggedExerciseAndNamesItsExercise() {
        assertTrue(ExerciseTags.isAcceptanceTest(Set.of("exercise", "fixed-rate")));
        assertFalse(ExerciseTags.isAcceptanceTest(Set.of("fixed-rate")));
        assertEquals(Optional.of("fixed-rate"), ExerciseTags.idOf(Set.of("exercise", "fixed-rate")));
        assertEquals(Optional.empty(), ExerciseTags.idOf(Set.of("exercise")));
    }

    @Test
    void notDoneYetIsFoundThroughTheWrappersOfOtherThreads() {
        NotDoneYet notDone = new NotDoneYet("exercise x is not done yet");
        assertEquals(Optional.of(notDone), ExerciseTags.notDoneYetIn(notDone));
        assertEquals(Optional.of(notDone),
                ExerciseTags.notDoneYetIn(new ExecutionException(new CompletionException(notDone))));
        IllegalStateException closing = new IllegalStateException("while closing");
        closing.addSuppressed(notDone);
        assertEquals(Optional.of(notDone), ExerciseTags.notDoneYetIn(closing));
    }

    @Test
    void anyOtherFailureIsNotNotDoneYet() {
        assertEquals(Optional.empty(), ExerciseTags.notDoneYetIn(new AssertionError("expected 6 but was 5")));
        assertEquals(Optional.empty(), ExerciseTags.notDoneYetIn(new RuntimeException(new NullPointerException())));
    }
}
