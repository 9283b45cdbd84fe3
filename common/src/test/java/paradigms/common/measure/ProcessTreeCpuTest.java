package paradigms.common.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paradigms.common.contract.TestTimeouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CPU of this process and all it started: parsed from a stat line, and a child's counted while it still runs. */
class ProcessTreeCpuTest {

    @Test
    void readsAProcesssOwnTicksAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4242 (a (weird) name) S 1 4242 4242 0 -1 4194304 100 200 0 0 7 3 250 40 20 0 1 0";
        assertEquals(10, ProcessTreeCpu.ticksFromStat(line), "utime 7 + stime 3");
        assertThrows(IllegalArgumentException.class, () -> ProcessTreeCpu.ticksFromStat("no name here"));
    }

    /** A worker that lives on after the run (a kept pool) is counted too: its CPU is read from it, not from its end. */
    @Test
    void aChildThatIsStillRunningIsCounted(@TempDir Path dir) throws Exception {
        assumeTrue(ProcessTreeCpu.soFar().isPresent(), "Linux only: /proc");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // The source launcher compiles the file in the child: plenty of CPU, then the child waits for its stdin to close.
        Path source = Files.writeString(dir.resolve("Wait.java"),
                "class Wait { public static void main(String[] a) throws Exception { System.in.read(); } }");
        Duration before = ProcessTreeCpu.childrenSoFar().orElseThrow();
        Process child = new ProcessBuilder(java, source.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(TestTimeouts.LONG).until(() ->
                    ProcessTreeCpu.childrenSoFar().orElseThrow().minus(before).compareTo(Duration.ofMillis(200)) >= 0);
            assertTrue(child.isAlive(), "counted while the child still runs");
            Duration own = ProcessTreeCpu.soFar().orElseThrow().minus(ProcessTreeCpu.childrenSoFar().orElseThrow());
            assertTrue(own.isPositive(), "the whole tree counts this process too: " + own);
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the child ended");
        }
    }
}
