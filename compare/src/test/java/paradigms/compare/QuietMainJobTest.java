package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paradigms.common.ClassPath;
import paradigms.common.db.PostgresFixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job stays quiet in the situations it expects — no Docker, no image — with one line
 * that says what happened and what to do, and no third-party {@code ERROR} line or stack frame.
 * Run as a JVM of its own, as a learner runs it, so that everything it prints is captured:
 * Testcontainers and docker-java log to the process's own standard error, not to compare's.
 *
 * <p>The class's time limit is also the test that a missing image is not pulled: trying to pull
 * it takes minutes before it fails.
 */
@Timeout(120)
class QuietMainJobTest {

    private record Output(int code, List<String> lines) {
    }

    private static Output compare(Path out, String... properties) throws IOException, InterruptedException {
        // The child prints "—"; under a locale without UTF-8 (LANG unset) the JVM would write it as "?".
        List<String> command = new ArrayList<>(List.of(ClassPath.javaLauncher(), "-Xmx256m",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", ClassPath.current(), Compare.class.getName(),
                "--paradigms", "sequential", "--exercises", "blocking", "--latency", "5", "--no-progress", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String all = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Output(process.waitFor(), all.lines().toList());
    }

    private static void assertQuiet(Output output, String expectedStart) {
        String all = String.join("\n", output.lines());
        assertEquals(0, output.code(), all);
        List<String> skipped = output.lines().stream().filter(line -> line.startsWith("blocking: skipped")).toList();
        assertEquals(1, skipped.size(), "one line says why:\n" + all);
        assertTrue(skipped.getFirst().startsWith(expectedStart), skipped.getFirst());
        List<String> noise = output.lines().stream()
                .filter(line -> line.contains("ERROR") || line.contains("Exception") || line.startsWith("\tat ")
                        || line.contains("WARN"))
                .toList();
        assertEquals(List.of(), noise, "no third-party log line, no stack frame:\n" + all);
    }

    @Test
    void withoutDockerTheOnlyWordAboutItIsOneLine(@TempDir Path out) throws Exception {
        assertQuiet(compare(out, "-D" + PostgresFixture.DOCKER_PROPERTY + "=off"),
                "blocking: skipped — Docker switched off (-Dparadigms.docker=off)");
    }

    /** With Docker: one line naming the image and the fix, and no pull. Without Docker, the no-Docker line. */
    @Test
    void aMissingImageIsNamedInOneLineAndNotPulled(@TempDir Path out) throws Exception {
        Output output = compare(out, "-D" + PostgresFixture.IMAGE_PROPERTY + "=paradigms/does-not-exist:1");
        boolean docker = output.lines().stream().noneMatch(line -> line.contains("no Docker engine answers"));
        assertQuiet(output, docker
                ? "blocking: skipped — the image paradigms/does-not-exist:1 is not on this machine, and compare does not pull it"
                : "blocking: skipped — no Docker engine answers");
    }
}
