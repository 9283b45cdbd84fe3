package paradigms.common.exercises;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The check that keeps the exercises honest: run against the untouched workspace
 * ({@code -Pexercises -Dexercises.expect=not-done}), every acceptance test must fail, and fail
 * with {@link NotDoneYet} — the message that tells the learner what to do next. An acceptance
 * test that passes before any work checks nothing; one that fails some other way (a timeout, a
 * {@code NullPointerException}) leaves the learner without the instruction.
 *
 * <p>In that mode this extension turns the expected failure into a pass and the two defects into
 * failures, so the build fails exactly when an exercise is broken. In every other mode it does
 * nothing. Nothing names it: the profiles switch on JUnit's extension auto-detection, which
 * loads it through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} in
 * common's test-jar.
 */
public final class ExpectNotDone implements TestExecutionExceptionHandler, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExpectNotDone.class);
    private static final String FAILED_AS_EXPECTED = "failed with NotDoneYet";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (!applies(context) || failure instanceof TestAbortedException) {
            throw failure; // a failed assumption skips the test in every mode: it is neither done nor not done
        }
        if (ExerciseTags.notDoneYetIn(failure).isEmpty()) {
            throw new AssertionError("on the untouched workspace this acceptance test fails, but not with NotDoneYet,"
                    + " so the learner is not told what to do next: " + failure, failure);
        }
        context.getStore(NAMESPACE).put(FAILED_AS_EXPECTED, true);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        boolean failedAsExpected = context.getStore(NAMESPACE).getOrDefault(FAILED_AS_EXPECTED, Boolean.class, false);
        if (applies(context) && !failedAsExpected && context.getExecutionException().isEmpty()) {
            throw new AssertionError("this acceptance test passes on the untouched workspace: it cannot tell a solution from none");
        }
    }

    private static boolean applies(ExtensionContext context) {
        return ExerciseTags.expectingNotDone() && ExerciseTags.isAcceptanceTest(context.getTags());
    }
}
