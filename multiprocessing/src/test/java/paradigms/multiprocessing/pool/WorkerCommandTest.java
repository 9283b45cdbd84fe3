package paradigms.multiprocessing.pool;

import paradigms.common.contract.TestTimeouts;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A worker's stdout is the wire, so the JVM itself must never write there. Its default is to
 * print warnings to stdout; {@code -XX:+UseLargePages} on a machine without huge pages is a
 * warning any JVM will print, which makes the difference visible.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class WorkerCommandTest {

    @Test
    void theWorkerJvmsOwnWarningsGoToStderrNotToTheWire() throws Exception {
        String java = WorkerCommand.of(WorkerMain.class.getName()).javaExecutable();
        String byDefault = stdoutOf(List.of(java, "-XX:+UseLargePages", "-version"));
        assumeTrue(byDefault.contains("[warning]"), "this machine has large pages, so the JVM has nothing to warn about");

        List<String> routed = new ArrayList<>(List.of(java));
        routed.addAll(WorkerCommand.JVM_LOG_TO_STDERR);
        routed.addAll(List.of("-XX:+UseLargePages", "-version"));
        assertEquals("", stdoutOf(routed), "nothing on the wire");
        assertTrue(WorkerCommand.of(WorkerMain.class.getName()).commandLine().containsAll(WorkerCommand.JVM_LOG_TO_STDERR),
                "every worker is started with its JVM logging on stderr");
    }

    private static String stdoutOf(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the JVM ended");
        return out;
    }
}
