package paradigms.common.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.ClassPath;
import paradigms.common.contract.TestTimeouts;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What resume latency across processes stands on: a child JVM's {@code System.nanoTime()} and
 * its parent's read one clock (on Linux, {@code CLOCK_MONOTONIC}; see {@code SentAt}). If each
 * JVM counted from its own start, as the JDK's documentation allows, the child's value would
 * be near zero — far below the parent's stamp taken before the child was started.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class NanoTimeAcrossProcessesTest {

    /** The child: prints its nanoTime and ends. */
    public static void main(String[] args) {
        System.out.println(System.nanoTime());
    }

    @Test
    void aChildJvmsNanoTimeLiesBetweenTheParentsStampsBeforeItStartedAndAfterItEnded() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "the course relies on one nanoTime clock per machine only on Linux");
        String java = ProcessHandle.current().info().command().orElseThrow();

        long before = System.nanoTime();
        Process child = new ProcessBuilder(java, "-cp", ClassPath.current(), NanoTimeAcrossProcessesTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed;
        try (var out = child.getInputStream()) {
            printed = new String(out.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        assertTrue(child.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the child ended");
        long after = System.nanoTime();

        assertEquals(0, child.exitValue(), "the child's exit status");
        long childs = Long.parseLong(printed);
        assertTrue(before < childs && childs < after,
                "the child's nanoTime " + childs + " lies between the parent's " + before + " and " + after);
    }
}
