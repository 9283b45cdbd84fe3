package paradigms.common.contract;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.Optional;

/**
 * Prints why a contract test was skipped, on the console of the build, one line each:
 * Maven's summary says only "Skipped: 1", and the reason ("sequential does not claim
 * WAITS_CONCURRENTLY, so this check does not apply") would otherwise be in the XML reports
 * alone. Registered on {@link ParadigmContract}, so every contract suite of every chapter has it.
 */
public final class PrintSkipReasons implements TestWatcher {

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        print(context, cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        print(context, reason.orElse("disabled, no reason given"));
    }

    private static void print(ExtensionContext context, String reason) {
        System.out.printf("skipped %s.%s: %s%n", context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName(), reason);
    }
}
