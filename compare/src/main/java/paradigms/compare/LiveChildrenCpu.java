package paradigms.compare;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU that this JVM's child processes still alive after a run spent during it — the kept
 * workers of a paradigm whose resources were started before the case (multiprocessing's
 * {@code WorkerReserve}). {@code Meter} counts the CPU of children that ended during the run
 * (the kernel adds it to ours when they are reaped); children that live on are not reaped, so
 * without this their work would vanish from the figure.
 *
 * <p>A snapshot per child (pid → CPU so far, from {@link ProcessHandle.Info#totalCpuDuration()},
 * {@code /proc/PID/stat} on Linux, in clock ticks); the run's share is the difference, summed
 * over the children alive at the end. A child that ended during the run is in the reaped count
 * with all of its CPU, before the run too (a kept worker killed by a deadline's cancellation:
 * its start-up and every earlier task); what it had spent before is taken off here, so that
 * the sum of both counts is the run's own.
 */
final class LiveChildrenCpu {

    private final Map<Long, Duration> before;

    private LiveChildrenCpu(Map<Long, Duration> before) {
        this.before = before;
    }

    static LiveChildrenCpu start() {
        return new LiveChildrenCpu(now());
    }

    /**
     * The CPU the children alive now spent since {@link #start()} (all of it for one started
     * since), less what the children that have ended since had spent before it: a correction to
     * the reaped count, so it may be negative.
     */
    Duration spentSince() {
        Map<Long, Duration> after = now();
        Duration spent = Duration.ZERO;
        for (var child : after.entrySet()) {
            spent = spent.plus(child.getValue().minus(before.getOrDefault(child.getKey(), Duration.ZERO)));
        }
        for (var child : before.entrySet()) {
            if (!after.containsKey(child.getKey())) {
                spent = spent.minus(child.getValue()); // ended during the run: the reaped count has this part already
            }
        }
        return spent;
    }

    private static Map<Long, Duration> now() {
        return ProcessHandle.current().descendants()
                .collect(Collectors.toMap(ProcessHandle::pid,
                        child -> child.info().totalCpuDuration().orElse(Duration.ZERO), (a, b) -> a));
    }
}
