package paradigms.common.contract;

import paradigms.common.Claim;
import paradigms.common.Paradigm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every contract suite needs from the binding: the paradigm under test.
 *
 * <p>A chapter binds a suite by implementing it in a test class:
 * <pre>{@code
 * class DownloadTest implements DownloadContract {
 *     public Paradigm paradigm() { return new ThreadingParadigm(); }
 * }
 * }</pre>
 * A test the paradigm cannot pass is overridden with {@code @Disabled("reason")}, so the
 * skip is visible in the report; {@link PrintSkipReasons}, a listener every module's test run
 * loads, also prints every skip's reason on the build's console.
 */
public interface ParadigmContract {

    Paradigm paradigm();

    /** Skips the calling test, with the reason in the report, unless the paradigm makes this claim. */
    default void assumeClaim(Claim claim) {
        assumeTrue(paradigm().claims().contains(claim),
                () -> paradigm().name() + " does not claim " + claim + ", so this check does not apply");
    }

    /** Skips the calling test, with the reason, if the paradigm does make this claim. */
    default void assumeNoClaim(Claim claim) {
        assumeTrue(!paradigm().claims().contains(claim),
                () -> paradigm().name() + " claims " + claim + "; this check is for paradigms that do not");
    }
}
