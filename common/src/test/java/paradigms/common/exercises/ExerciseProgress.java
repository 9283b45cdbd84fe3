package paradigms.common.exercises;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A learner's progress at a glance: after a run of the acceptance tests
 * ({@code ./mvnw -q verify -Pexercises -Dmaven.test.failure.ignore=true}), each module prints
 * its exercises, one line each — {@code done}, {@code not yet} (a {@link NotDoneYet} with what
 * to do next) or {@code failing} (written, but an acceptance test fails: its first message).
 * An exercise is done when every one of its tests that ran passed (a test skipped by an assumption
 * does not count).
 *
 * <p>A launcher listener, loaded like {@code PrintSkipReasons} from common's test-jar; it prints
 * nothing in a run without acceptance tests.
 */
public final class ExerciseProgress implements TestExecutionListener {

    private enum State { DONE, NOT_YET, FAILING }

    private record Outcome(State state, String message) {
        Outcome worse(Outcome other) {
            return other.state.compareTo(state) > 0 ? other : this;
        }
    }

    /** By exercise id, the worst outcome of its tests so far. Called from JUnit's one reporting thread. */
    private final Map<String, Outcome> outcomes = new TreeMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Set<String> tags = test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
        if (!test.isTest() || !ExerciseTags.isAcceptanceTest(tags)
                || result.getStatus() == TestExecutionResult.Status.ABORTED) {
            return; // a skipped test (a failed assumption) says nothing about the learner's work
        }
        String id = ExerciseTags.idOf(tags).orElse(test.getDisplayName());
        outcomes.merge(id, outcomeOf(result), Outcome::worse);
    }

    private static Outcome outcomeOf(TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return new Outcome(State.DONE, "");
        }
        Throwable failure = result.getThrowable().orElse(null);
        if (failure == null) {
            return new Outcome(State.FAILING, result.getStatus().toString().toLowerCase());
        }
        return ExerciseTags.notDoneYetIn(failure)
                .map(notDone -> new Outcome(State.NOT_YET, notDone.getMessage()))
                .orElseGet(() -> new Outcome(State.FAILING, firstLine(String.valueOf(failure.getMessage()))));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (outcomes.isEmpty()) {
            return;
        }
        String module = Path.of(System.getProperty("user.dir")).getFileName().toString();
        StringBuilder table = new StringBuilder();
        if (ExerciseTags.expectingNotDone()) {
            table.append("exercises of ").append(module).append(", each checked to fail on the untouched workspace:\n");
        } else {
            table.append("exercises of ").append(module).append(":\n");
        }
        outcomes.forEach((id, outcome) -> table.append(String.format("  %-24s %s%n", id, describe(outcome))));
        System.out.print(table);
    }

    private static String describe(Outcome outcome) {
        if (ExerciseTags.expectingNotDone()) {
            // ExpectNotDone has turned the expected NotDoneYet into a pass and a defect into a failure.
            return outcome.state == State.DONE ? "fails with NotDoneYet, as it must" : "DEFECT: " + outcome.message;
        }
        return switch (outcome.state) {
            case DONE -> "done";
            case NOT_YET -> "not yet — " + outcome.message;
            case FAILING -> "failing — " + outcome.message;
        };
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
