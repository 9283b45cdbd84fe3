package paradigms.common.measure;

import org.junit.jupiter.api.Test;

import paradigms.common.contract.TestTimeouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CPU of ended child processes: parsed from a stat line, and seen growing by a real child's. */
class ReapedChildrenCpuTest {

    @Test
    void readsTheChildrensTicksAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4242 (a (weird) name) S 1 4242 4242 0 -1 4194304 100 200 0 0 7 3 250 40 20 0 1 0";
        assertEquals(Duration.ofMillis(2_900), ReapedChildrenCpu.parse(line), "cutime 250 + cstime 40 ticks of 10 ms");
        assertThrows(IllegalArgumentException.class, () -> ReapedChildrenCpu.parse("no name here"));
    }

    @Test
    void aChildJvmThatEndedDuringTheRunIsCountedAndNotBefore() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only: /proc/self/stat");
        String java = ProcessHandle.current().info().command().orElseThrow();

        var idle = Meter.measure(() -> 42);
        assertEquals(Duration.ZERO, idle.measurement().childCpu(), "no child ended during this run");

        var withChild = Meter.measure(() -> {
            Process child = new ProcessBuilder(java, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(child.waitFor(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "java -version ended");
            return child.exitValue();
        });
        assertEquals(0, withChild.value());
        // A JVM's start-up alone costs tens of milliseconds of CPU; the kernel counts in 10 ms ticks.
        Duration childCpu = withChild.measurement().childCpu();
        assertTrue(childCpu.compareTo(Duration.ofMillis(10)) >= 0, "the child's CPU is counted: " + childCpu);
        assertEquals(withChild.measurement().cpu().plus(childCpu), withChild.measurement().totalCpu());
    }
}
