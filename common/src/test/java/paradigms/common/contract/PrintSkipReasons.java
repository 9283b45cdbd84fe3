package paradigms.common.contract;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped, on the console of the build, one line each: Maven's summary
 * says only "Skipped: 1", and the reason ("sequential does not claim WAITS_CONCURRENTLY, so
 * this check does not apply", "skipped, no database: …", "this machine has 1 core available")
 * would otherwise be in the XML reports alone.
 *
 * <p>Every skip: a {@code @Disabled} test or class, a failed assumption in a test, and one in a
 * {@code @BeforeAll} that skips a whole class. It is a listener of the JUnit Platform launcher,
 * not a Jupiter extension, so that nothing has to name it: the launcher loads it through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, which is in
 * common's test classes and so in its test-jar — on the test class path of every chapter.
 */
public final class PrintSkipReasons implements TestExecutionListener {

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason == null || reason.isBlank() ? "disabled, no reason given" : reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted, no reason given"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        System.out.printf("skipped %s: %s%n", name(test), reason);
    }

    /** {@code Class.method} for a test, {@code Class} for a class; the display name otherwise. */
    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        return switch (source) {
            case MethodSource method -> simpleName(method.getClassName()) + "." + method.getMethodName();
            case ClassSource type -> simpleName(type.getClassName());
            case null, default -> test.getDisplayName();
        };
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
