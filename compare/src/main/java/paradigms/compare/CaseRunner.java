package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.measure.Measurement;
import paradigms.common.measure.Meter;
import paradigms.common.trace.Span;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs one case in the child JVM: warm-ups, then measured runs (see {@link Repeats}), each
 * bracketed by the handshake that lets the parent read its server's counters. Every failure of
 * the paradigm becomes a {@link CaseResult} with a reason, so one broken case never hides the
 * others.
 *
 * <p>Tracing: every measured run of a traced case records a trace, so that all of them pay the
 * same small cost (one queue insertion per span); the median run's trace is kept.
 */
final class CaseRunner {

    private final Paradigm paradigm;
    private final Fixtures fixtures;
    private final ParentLink parent;

    CaseRunner(Paradigm paradigm, Fixtures fixtures, ParentLink parent) {
        this.paradigm = paradigm;
        this.fixtures = fixtures;
        this.parent = parent;
    }

    /** One measured run, with what is kept of it until the median is known. */
    private record Done(RunFigures figures, List<Span> spans, List<MasterMove> masterMoves,
                        List<PipelineWorkload.LevelPoint> bufferLevel, List<TaskState> taskStates, String problem) {
    }

    CaseResult run(Workload workload) {
        try {
            return measure(workload, workload.prepare(paradigm, fixtures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(workload, "interrupted");
        } catch (Exception | LinkageError | VirtualMachineError e) {
            // VirtualMachineError: OutOfMemoryError and "unable to create native thread" are
            // exactly what a capacity probe may run into; they are results, not crashes.
            return failed(workload, describe(e));
        }
    }

    private <R> CaseResult measure(Workload workload, Workload.Prepared<R> prepared) throws Exception {
        Repeats repeats = workload.repeats();
        for (int i = 0; i < repeats.warmups(); i++) {
            prepared.beforeRun();
            parent.beforeRun(workload.id(), "warm-up", i, false);
            R value = prepared.run(Trace.off());
            Messages.ServerCounters counters = parent.afterRun(workload.id());
            String problem = prepared.check(value, counters).problem();
            if (problem != null) {
                return new CaseResult(paradigm.name(), workload.id(), CaseResult.Status.WRONG, "warm-up: " + problem,
                        i + 1, List.of(), -1, List.of(), null, List.of());
            }
        }
        List<Done> runs = new ArrayList<>();
        Duration spent = Duration.ZERO;
        while (repeats.another(runs.size(), spent)) {
            Trace trace = workload.traced() ? Trace.recording() : Trace.off();
            prepared.beforeRun();
            parent.beforeRun(workload.id(), "measured", runs.size(), workload.exercise() == Exercise.DOWNLOAD && workload.traced());
            var kept = LiveChildrenCpu.start(); // outside the wall time: reading /proc costs a little per child
            Meter.Measured<R> measured = Meter.measure(() -> prepared.run(trace));
            Duration keptCpu = kept.spentSince();
            Messages.ServerCounters counters = parent.afterRun(workload.id());
            Outcome outcome = prepared.check(measured.value(), counters);
            // A case traced apart from its measured runs (resume) brings its own trace; the others, the run's.
            Outcome.TracedApart traced = outcome.tracedApart().isEmpty() ? Outcome.TracedApart.of(trace) : outcome.tracedApart();
            runs.add(new Done(figures(workload, measured.measurement(), keptCpu, counters, outcome),
                    traced.spans(), outcome.masterMoves(), outcome.bufferLevel(), traced.taskStates(), outcome.problem()));
            spent = spent.plus(measured.measurement().wall());
        }
        int median = medianByWall(runs.stream().map(Done::figures).toList());
        Done kept = runs.get(median);
        String problem = runs.stream().map(Done::problem).filter(p -> p != null).findFirst().orElse(null);
        return new CaseResult(paradigm.name(), workload.id(),
                problem == null ? CaseResult.Status.OK : CaseResult.Status.WRONG, problem,
                repeats.warmups(), runs.stream().map(Done::figures).toList(), median,
                kept.spans(), workload.traced() ? anyParallel(kept.spans()) : null, kept.masterMoves(), kept.bufferLevel(),
                kept.taskStates());
    }

    /**
     * @param keptCpu the CPU that kept child processes (multiprocessing's workers) spent during the run, which
     *                {@code Meter} cannot see, less what those it reaped had spent before it ({@link LiveChildrenCpu})
     */
    private static RunFigures figures(Workload workload, Measurement m, Duration keptCpu, Messages.ServerCounters counters,
                                      Outcome outcome) {
        boolean server = workload.usesServer();
        return new RunFigures(m.wall().toNanos() / 1e6, Math.max(0, m.totalCpu().plus(keptCpu).toNanos() / 1e6), m.peakThreads(), m.peakHeapBytes(),
                outcome.units(),
                server ? counters.maxInFlight() : null, server ? counters.requests() : null,
                outcome.heartbeatGapMillis(), outcome.exhibitionHours(), outcome.waiters(), outcome.counter(), outcome.deadline(),
                outcome.pipeline(), outcome.resume(), outcome.resumeCase());
    }

    /** The index of the median run by wall time; for an even count, the lower middle one. */
    static int medianByWall(List<RunFigures> runs) {
        List<Integer> order = IntStream.range(0, runs.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> runs.get(i).wallMillis()))
                .toList();
        return order.get((order.size() - 1) / 2);
    }

    /** The same test as the squares contract: two spans overlapping on different lanes. */
    static boolean anyParallel(List<Span> spans) {
        Trace trace = Trace.recording();
        spans.forEach(trace::record);
        return trace.firstParallelPair().isPresent();
    }

    private CaseResult failed(Workload workload, String reason) {
        return CaseResult.notRun(paradigm.name(), workload.id(), CaseResult.Status.FAILED, reason);
    }

    static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : ": " + error.getMessage().lines().findFirst().orElse("");
        return error.getClass().getSimpleName() + message;
    }
}
