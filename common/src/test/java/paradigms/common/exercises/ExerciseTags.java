package paradigms.common.exercises;

import java.util.Optional;
import java.util.Set;

/**
 * How an acceptance test says which exercise it checks: two JUnit tags, {@code exercise} (every
 * acceptance test has it, and the Maven profiles run only tests with it) and the exercise's id
 * in kebab case, e.g. {@code @Tag("exercise") @Tag("fixed-rate")}.
 */
final class ExerciseTags {

    static final String EXERCISE = "exercise";

    private ExerciseTags() {
    }

    static boolean isAcceptanceTest(Set<String> tags) {
        return tags.contains(EXERCISE);
    }

    /** The exercise's id: the tag that is not {@code exercise}, if there is one. */
    static Optional<String> idOf(Set<String> tags) {
        return tags.stream().filter(tag -> !tag.equals(EXERCISE)).sorted().findFirst();
    }

    /** Whether {@code failure}, or anything that caused it, is a {@link NotDoneYet}. */
    static Optional<NotDoneYet> notDoneYetIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotDoneYet notDone) {
                return Optional.of(notDone);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof NotDoneYet notDone) {
                    return Optional.of(notDone);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code -Dexercises.expect=not-done}: the check that every acceptance test fails before the learner's work. */
    static boolean expectingNotDone() {
        return "not-done".equals(System.getProperty("exercises.expect"));
    }
}
