package paradigms.common.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time of this process's child processes that have ended and been waited for — on
 * Linux, the {@code cutime} and {@code cstime} fields of {@code /proc/self/stat}.
 *
 * <p>Why this and not {@link ProcessHandle}: a pool's workers have usually exited by the time
 * a measured call returns (it closes its pool), and an ended process has no handle left to ask.
 * The kernel, though, adds a child's CPU time to its parent's account when the parent reaps it,
 * and the JDK reaps every child it started (its process reaper thread waits for each one). So
 * the growth of this figure during a run is the CPU of the children that ended in it. A child
 * still running at the end is not included: it has not been reaped yet.
 *
 * <p>Units: the kernel counts in clock ticks of {@code USER_HZ}, which is 100 per second on
 * every Linux architecture the JDK runs on (it is part of the kernel's user-space ABI); so the
 * figure moves in 10 ms steps. Elsewhere than Linux: empty.
 */
public final class ReapedChildrenCpu {

    private static final Path STAT = Path.of("/proc/self/stat");
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100

    private ReapedChildrenCpu() {
    }

    /** The reaped children's user + system CPU time so far, or empty where the OS does not say. */
    public static Optional<Duration> soFar() {
        if (!Files.isReadable(STAT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(STAT)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a measurement is not worth failing a run over
        }
    }

    /**
     * Reads {@code cutime} and {@code cstime}, fields 16 and 17 of a {@code stat} line. The
     * command name, field 2, is in parentheses and may itself hold spaces and parentheses, so
     * the fields are counted from the last {@code ')'}: field 3 is the first after it.
     */
    static Duration parse(String statLine) {
        int endOfName = statLine.lastIndexOf(')');
        if (endOfName < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + statLine);
        }
        String[] fields = statLine.substring(endOfName + 1).trim().split("\\s+");
        // fields[0] is field 3 (the state), so field k is fields[k - 3].
        long childUserTicks = Long.parseLong(fields[16 - 3]);
        long childSystemTicks = Long.parseLong(fields[17 - 3]);
        return Duration.ofNanos((childUserTicks + childSystemTicks) * NANOS_PER_TICK);
    }
}
