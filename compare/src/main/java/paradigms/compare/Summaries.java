package paradigms.compare;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the children measured into the figures people compare: medians, per-second
 * rates, the ratio to the ideal and the speedup over the sequential baseline.
 */
final class Summaries {

    static final String BASELINE = "sequential";

    private Summaries() {
    }

    static List<CaseSummary> summarize(Plan plan, List<CaseResult> results, int cores) {
        Map<String, CaseResult> baseline = results.stream()
                .filter(r -> r.paradigm().equals(BASELINE) && r.measured())
                .collect(Collectors.toMap(CaseResult::caseId, Function.identity(), (a, b) -> a));
        return results.stream().map(r -> summarize(plan.byId(r.caseId()), r, baseline.get(r.caseId()), cores)).toList();
    }

    static CaseSummary summarize(Workload workload, CaseResult result, CaseResult baseline, int cores) {
        String status = result.status().name().toLowerCase(Locale.ROOT);
        Integer allowed = workload.allowedInFlight();
        if (!result.measured()) {
            return new CaseSummary(result.paradigm(), result.caseId(), workload.exercise().id(), workload.description(),
                    status, result.reason(), result.warmups(), 0, null, null, null, null, null, null, workload.unitName(),
                    ideal(workload, baseline, cores).map(Summaries::millis).orElse(null), null, null, null, allowed,
                    null, null, null, null, null, null, (PipelineWorkload.Figures) null, result.runs());
        }
        RunFigures median = result.median();
        double wall = median.wallMillis();
        Double perSecond = workload.unitName() == null || wall <= 0 ? null : median.units() / (wall / 1_000);
        Double ideal = ideal(workload, baseline, cores).map(Summaries::millis).orElse(null);
        Double speedup = baseline == null || !workload.comparesWithBaseline() ? null : baseline.median().wallMillis() / wall;
        return new CaseSummary(result.paradigm(), result.caseId(), workload.exercise().id(), workload.description(),
                status, result.reason(), result.warmups(), result.runs().size(),
                wall, median.cpuMillis(), wall <= 0 ? null : median.cpuMillis() / wall,
                median.peakThreads(), median.peakHeapBytes() / (1024.0 * 1024.0),
                perSecond, workload.unitName(),
                ideal, ideal == null || ideal <= 0 ? null : wall / ideal, speedup,
                median.serverMaxInFlight(), allowed,
                median.heartbeatGapMillis(), median.exhibitionHours(), result.parallelSpans(),
                waiters(workload, median), median.counter(), median.deadline(), median.pipeline(), result.runs(), median.resume(),
                median.resumeCase());
    }

    /** The scalability figures of the median run, or null for other cases. */
    static CaseSummary.Waiters waiters(Workload workload, RunFigures median) {
        WaitersWorkload.Figures f = median.waiters();
        if (!(workload instanceof WaitersWorkload w) || f == null) {
            return null;
        }
        long grown = Math.max(0, median.peakHeapBytes() - f.heapBeforeBytes());
        return new CaseSummary.Waiters(f.tasks(), f.waitMillis(), f.maxWaitingAtOnce(), f.early(), f.capacity(), f.limitedBy(),
                f.capacity() < w.maxTasks(), median.wallMillis() - f.waitMillis(), f.tasks() == 0 ? 0 : (double) grown / f.tasks(),
                f.liveHeapPerTaskBytes());
    }

    /**
     * The wall time of a perfect run. For squares it is the baseline's time spread over the
     * cores that could share the work (at most one per n), so it needs the baseline.
     */
    static Optional<Duration> ideal(Workload workload, CaseResult baseline, int cores) {
        if (workload instanceof SquaresWorkload) {
            if (baseline == null) {
                return Optional.empty();
            }
            int usable = Math.min(cores, 20);
            return Optional.of(Duration.ofNanos((long) (baseline.median().wallMillis() * 1e6 / usable)));
        }
        return workload.ideal();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
