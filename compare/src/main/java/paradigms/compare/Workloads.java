package paradigms.compare;

import paradigms.common.Exercise;

import java.time.Duration;
import java.util.List;

/**
 * Which workload class measures each exercise of the list in {@code common}: the one place
 * compare names them.
 *
 * <p>The switch has no default on purpose: an exercise added to {@link Exercise} without a
 * workload stops compare from compiling, with the missing constant named — rather than a run
 * that silently leaves the exercise out.
 */
final class Workloads {

    private Workloads() {
    }

    /** The cases that measure {@code exercise} in {@code mode}, in the order they run. */
    static List<Workload> of(Exercise exercise, Mode mode, Duration latency) {
        return switch (exercise) {
            case DOWNLOAD -> DownloadWorkload.plan(mode, latency);
            case SQUARES -> SquaresWorkload.plan(mode, latency);
            case EXHIBITION -> ExhibitionWorkload.plan(mode, latency);
            case CRAWL -> CrawlWorkload.plan(mode, latency);
            case WAITERS -> WaitersWorkload.plan(mode, latency);
            case BLOCKING -> BlockingWorkload.plan(mode, latency);
            case COUNTER -> CounterWorkload.plan(mode, latency);
            case DEADLINE -> DeadlineWorkload.plan(mode, latency);
            case PIPELINE -> PipelineWorkload.plan(mode, latency);
            case RESUME -> ResumeWorkload.plan(mode, latency);
        };
    }
}
