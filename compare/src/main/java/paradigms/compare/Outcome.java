package paradigms.compare;

import paradigms.common.trace.Span;
import paradigms.common.trace.TaskState;
import paradigms.common.trace.Trace;

import java.util.List;

/**
 * What one run of a case produced, beyond its cost: enough to check it and to draw it. The
 * exercise-specific figures are null except for their own exercise.
 *
 * @param units         requests, pages, queries or increments done (for the per-second figure); 0 where that means nothing
 * @param problem       null when the result is right; otherwise what is wrong with it
 * @param heartbeatGapMillis blocking: the heartbeat's largest gap; otherwise null
 * @param exhibitionHours    exhibition: how long it took in exhibition hours; otherwise null
 * @param masterMoves   exhibition: the master's moves, for the picture; otherwise empty
 * @param waiters       waiters: how many tasks, how many at once, the heap before the run, the capacity
 * @param counter       counter: the total and what it should be
 * @param deadline      deadline: how the call ended, when, and what it left behind
 * @param pipeline      pipeline: the buffer's high-water mark and each stage's throughput
 * @param bufferLevel   pipeline: the buffer's level over the run, for the picture; otherwise empty
 * @param resume        download: how long after the server sent each answer its task ran again; waiters: how long
 *                      after its timer was due each task ran again; otherwise null
 * @param resumeCase    resume: the sleepers' resume latencies, quiet and beside busy tasks; otherwise null
 * @param tracedApart   resume: the spans and each task's life (running / waiting / ready) of a small traced call made apart from
 *                      the measured ones, for the picture; otherwise empty
 */
record Outcome(int units, String problem, Double heartbeatGapMillis, Double exhibitionHours, List<MasterMove> masterMoves,
               WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
               PipelineWorkload.Figures pipeline, List<PipelineWorkload.LevelPoint> bufferLevel,
               DownloadWorkload.Resume resume, ResumeWorkload.Figures resumeCase, TracedApart tracedApart) {

    Outcome {
        masterMoves = masterMoves == null ? List.of() : List.copyOf(masterMoves);
        bufferLevel = bufferLevel == null ? List.of() : List.copyOf(bufferLevel);
        tracedApart = tracedApart == null ? TracedApart.NONE : tracedApart;
    }

    /** An outcome without resume latencies (every exercise but download). */
    Outcome(int units, String problem, Double heartbeatGapMillis, Double exhibitionHours, List<MasterMove> masterMoves,
            WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
            PipelineWorkload.Figures pipeline, List<PipelineWorkload.LevelPoint> bufferLevel) {
        this(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, counter, deadline, pipeline, bufferLevel,
                null, null, TracedApart.NONE);
    }

    Outcome(int units, String problem, Double heartbeatGapMillis, Double exhibitionHours, List<MasterMove> masterMoves) {
        this(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, null, null, null, null, List.of());
    }

    static Outcome of(int units, String problem) {
        return new Outcome(units, problem, null, null, List.of());
    }

    Outcome with(WaitersWorkload.Figures figures) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, figures, counter, deadline, pipeline, bufferLevel,
                resume, resumeCase, tracedApart);
    }

    Outcome with(CounterWorkload.Figures figures) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, figures, deadline, pipeline, bufferLevel,
                resume, resumeCase, tracedApart);
    }

    Outcome with(DeadlineWorkload.Figures figures) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, counter, figures, pipeline, bufferLevel,
                resume, resumeCase, tracedApart);
    }

    Outcome with(PipelineWorkload.Figures figures, List<PipelineWorkload.LevelPoint> level) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, counter, deadline, figures, level,
                resume, resumeCase, tracedApart);
    }

    Outcome with(DownloadWorkload.Resume figures) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, counter, deadline, pipeline,
                bufferLevel, figures, resumeCase, tracedApart);
    }

    Outcome with(ResumeWorkload.Figures figures, TracedApart traced) {
        return new Outcome(units, problem, heartbeatGapMillis, exhibitionHours, masterMoves, waiters, counter, deadline, pipeline,
                bufferLevel, resume, figures, traced);
    }

    /**
     * What a call traced apart from the measured runs recorded (resume's small picture call): its
     * spans, on their threads' lanes, and each task's life.
     */
    record TracedApart(List<Span> spans, List<TaskState> taskStates) {

        static final TracedApart NONE = new TracedApart(List.of(), List.of());

        TracedApart {
            spans = List.copyOf(spans);
            taskStates = List.copyOf(taskStates);
        }

        static TracedApart of(Trace trace) {
            return new TracedApart(trace.spans(), trace.taskStates());
        }

        boolean isEmpty() {
            return spans.isEmpty() && taskStates.isEmpty();
        }
    }
}
