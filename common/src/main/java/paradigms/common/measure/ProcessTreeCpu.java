package paradigms.common.measure;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time used so far by this process and every process it started: its own threads, its
 * descendants that are still running (or have ended but not yet been waited for), and its
 * children that have ended and been waited for. The growth of this figure over a run is all the
 * CPU the run used, wherever it ran — in this JVM's threads or in a pool of child JVMs.
 *
 * <p>Why three sources: a process's own figure leaves its children out; {@link ReapedChildrenCpu}
 * counts a child only once it has ended and been reaped; and a running child is counted only by
 * asking it ({@code /proc/<pid>/stat}, fields 14 and 15: {@code utime}, {@code stime}). A pool
 * that keeps its workers alive after a call and a pool that closes them are both counted.
 *
 * <p>Honest in one direction: the reaped children are read before the live ones, so a child
 * that ends between the two reads is missed rather than counted twice. A run's figure can come
 * out a few clock ticks low, never high because of that race. Linux only (elsewhere: empty);
 * the children's figures move in 10 ms steps (see {@link ReapedChildrenCpu}).
 */
public final class ProcessTreeCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100

    private ProcessTreeCpu() {
    }

    /** This process's, its live descendants' and its reaped children's CPU time so far; empty where the OS does not say. */
    public static Optional<Duration> soFar() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long own = os.getProcessCpuTime();
        if (own < 0) {
            return Optional.empty();
        }
        return childrenSoFar().map(children -> children.plusNanos(own));
    }

    /** The descendants' part alone: the live ones' CPU so far and the reaped children's; empty where the OS does not say. */
    public static Optional<Duration> childrenSoFar() {
        Optional<Duration> reaped = ReapedChildrenCpu.soFar();
        if (reaped.isEmpty()) {
            return Optional.empty();
        }
        long liveTicks = 0;
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            liveTicks += ticksOf(process.pid());
        }
        return Optional.of(reaped.get().plusNanos(liveTicks * NANOS_PER_TICK));
    }

    /** utime + stime of one process, in clock ticks; 0 for one that is gone already (it is counted once reaped). */
    private static long ticksOf(long pid) {
        try {
            return ticksFromStat(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0; // a measurement is not worth failing a run over; it can only come out lower
        }
    }

    /** Fields 14 and 15 of a {@code stat} line, counted from after the command name (see {@link ReapedChildrenCpu#parse}). */
    static long ticksFromStat(String statLine) {
        int endOfName = statLine.lastIndexOf(')');
        if (endOfName < 0) {
            throw new IllegalArgumentException("not a /proc stat line: " + statLine);
        }
        String[] fields = statLine.substring(endOfName + 1).trim().split("\\s+");
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }
}
