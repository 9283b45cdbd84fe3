package paradigms.compare;

import paradigms.common.trace.Span;
import paradigms.common.trace.TaskState;

import java.util.List;

/**
 * One case under one paradigm, as the child JVM measured it (or as the parent recorded why it
 * did not run). Travels from child to parent as one JSON line.
 *
 * @param status      see {@link Status}
 * @param reason      why it is not {@link Status#OK}; null when it is
 * @param warmups     unmeasured runs made first
 * @param runs        the measured runs, in the order they ran
 * @param medianRun   index into {@code runs} of the median run by wall time (the lower middle one for an even count)
 * @param spans       the median run's trace (empty when the case is not traced); resume's: its small call traced apart
 * @param parallelSpans whether two spans of the median run ran at the same moment on different lanes; null if untraced
 * @param masterMoves exhibition: the median run's master moves; otherwise empty
 * @param bufferLevel pipeline: the median run's buffer level over time; otherwise empty
 * @param taskStates  each task's life (running / waiting / ready): the median run's, for a traced case; for
 *                    {@code resume}, that of its small traced run made apart from the measured ones; otherwise empty
 */
record CaseResult(String paradigm, String caseId, Status status, String reason, int warmups, List<RunFigures> runs,
                  int medianRun, List<Span> spans, Boolean parallelSpans, List<MasterMove> masterMoves,
                  List<PipelineWorkload.LevelPoint> bufferLevel, List<TaskState> taskStates) {

    enum Status {
        /** Measured, and every run's result was right. */
        OK,
        /** Measured, but a result was wrong: the figures are shown, marked. */
        WRONG,
        /** The paradigm threw, the child JVM died, or a run timed out. */
        FAILED,
        /** Not run, on purpose, for the reason given (no Docker, not a claim of the paradigm, …). */
        SKIPPED
    }

    CaseResult {
        runs = runs == null ? List.of() : List.copyOf(runs);
        spans = spans == null ? List.of() : List.copyOf(spans);
        masterMoves = masterMoves == null ? List.of() : List.copyOf(masterMoves);
        bufferLevel = bufferLevel == null ? List.of() : List.copyOf(bufferLevel);
        taskStates = taskStates == null ? List.of() : List.copyOf(taskStates);
    }

    /** A result without task lives. */
    CaseResult(String paradigm, String caseId, Status status, String reason, int warmups, List<RunFigures> runs,
               int medianRun, List<Span> spans, Boolean parallelSpans, List<MasterMove> masterMoves,
               List<PipelineWorkload.LevelPoint> bufferLevel) {
        this(paradigm, caseId, status, reason, warmups, runs, medianRun, spans, parallelSpans, masterMoves, bufferLevel, List.of());
    }

    /** A result without a buffer level (every case but the pipeline's). */
    CaseResult(String paradigm, String caseId, Status status, String reason, int warmups, List<RunFigures> runs,
               int medianRun, List<Span> spans, Boolean parallelSpans, List<MasterMove> masterMoves) {
        this(paradigm, caseId, status, reason, warmups, runs, medianRun, spans, parallelSpans, masterMoves, List.of());
    }

    static CaseResult notRun(String paradigm, String caseId, Status status, String reason) {
        return new CaseResult(paradigm, caseId, status, reason, 0, List.of(), -1, List.of(), null, List.of());
    }

    boolean measured() {
        return (status == Status.OK || status == Status.WRONG) && !runs.isEmpty();
    }

    /** The median run's figures; only when {@link #measured()}. */
    RunFigures median() {
        return runs.get(medianRun);
    }
}
