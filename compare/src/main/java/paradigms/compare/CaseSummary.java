package paradigms.compare;

import java.util.List;

/**
 * One cell of the exercise × paradigm matrix with every figure, as written to results.json.
 * Figures that do not apply to a case (requests/s for squares) or that could not be measured
 * are null; {@code status} and {@code reason} say why a whole case has none.
 *
 * @param inputs              the case's inputs in a few words
 * @param status              "ok", "wrong", "failed" or "skipped"
 * @param warmups             unmeasured runs made first
 * @param runs                measured runs; the figures are those of the median run by wall time
 * @param wallMillis          elapsed time
 * @param cpuMillis           CPU time of the paradigm's JVM
 * @param coresUsed           CPU time over wall time
 * @param peakThreads         most live platform threads in the paradigm's JVM
 * @param peakHeapMegabytes   largest heap occupancy
 * @param perSecond           requests, pages or queries per second of wall time
 * @param perSecondUnit       what {@code perSecond} counts
 * @param idealMillis         the wall time of a perfect run (see the README for each case's ideal)
 * @param ratioToIdeal        wall over ideal: 1.0 is perfect
 * @param speedupOverBaseline the sequential baseline's wall over this one's; null where it means nothing
 *                            ({@link Workload#comparesWithBaseline()})
 * @param serverMaxInFlight   the most requests the server saw in flight at once
 * @param maxInFlightAllowed  C, the exercise's limit (connections, for blocking)
 * @param heartbeatGapMillis  blocking: the heartbeat's largest gap
 * @param exhibitionHours     exhibition: its length in exhibition hours
 * @param parallelSpans       whether the trace shows two spans at once on different lanes
 * @param waiters             waiters: the scalability figures (below); otherwise null
 * @param counter             counter: the total and what it should be; otherwise null
 * @param deadline            deadline: how it ended, how promptly, what it left; otherwise null
 * @param pipeline            pipeline: the buffer's high-water mark, each stage's throughput and its ideal; otherwise null
 * @param allRuns             every measured run's figures
 * @param resume              download: how long after the server sent an answer its task ran again (p50, p99,
 *                            max), in the median run; waiters (quick plan): how long after its timer was due; otherwise null
 * @param resumeCase          resume: how long after its timer was due each sleeper ran again, quiet and beside busy
 *                            tasks (p50, p99, max), in the median run; otherwise null
 */
record CaseSummary(String paradigm, String caseId, String exercise, String inputs, String status, String reason,
                   int warmups, int runs,
                   Double wallMillis, Double cpuMillis, Double coresUsed, Integer peakThreads, Double peakHeapMegabytes,
                   Double perSecond, String perSecondUnit,
                   Double idealMillis, Double ratioToIdeal, Double speedupOverBaseline,
                   Integer serverMaxInFlight, Integer maxInFlightAllowed,
                   Double heartbeatGapMillis, Double exhibitionHours, Boolean parallelSpans,
                   Waiters waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
                   PipelineWorkload.Figures pipeline, List<RunFigures> allRuns, DownloadWorkload.Resume resume,
                   ResumeWorkload.Figures resumeCase) {

    /** A summary without the resume case's figures. */
    CaseSummary(String paradigm, String caseId, String exercise, String inputs, String status, String reason,
                int warmups, int runs,
                Double wallMillis, Double cpuMillis, Double coresUsed, Integer peakThreads, Double peakHeapMegabytes,
                Double perSecond, String perSecondUnit,
                Double idealMillis, Double ratioToIdeal, Double speedupOverBaseline,
                Integer serverMaxInFlight, Integer maxInFlightAllowed,
                Double heartbeatGapMillis, Double exhibitionHours, Boolean parallelSpans,
                Waiters waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
                PipelineWorkload.Figures pipeline, List<RunFigures> allRuns, DownloadWorkload.Resume resume) {
        this(paradigm, caseId, exercise, inputs, status, reason, warmups, runs, wallMillis, cpuMillis, coresUsed, peakThreads,
                peakHeapMegabytes, perSecond, perSecondUnit, idealMillis, ratioToIdeal, speedupOverBaseline, serverMaxInFlight,
                maxInFlightAllowed, heartbeatGapMillis, exhibitionHours, parallelSpans, waiters, counter, deadline, pipeline,
                allRuns, resume, null);
    }

    /** A summary without resume latencies (every case but download's). */
    CaseSummary(String paradigm, String caseId, String exercise, String inputs, String status, String reason,
                int warmups, int runs,
                Double wallMillis, Double cpuMillis, Double coresUsed, Integer peakThreads, Double peakHeapMegabytes,
                Double perSecond, String perSecondUnit,
                Double idealMillis, Double ratioToIdeal, Double speedupOverBaseline,
                Integer serverMaxInFlight, Integer maxInFlightAllowed,
                Double heartbeatGapMillis, Double exhibitionHours, Boolean parallelSpans,
                Waiters waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
                PipelineWorkload.Figures pipeline, List<RunFigures> allRuns) {
        this(paradigm, caseId, exercise, inputs, status, reason, warmups, runs, wallMillis, cpuMillis, coresUsed, peakThreads,
                peakHeapMegabytes, perSecond, perSecondUnit, idealMillis, ratioToIdeal, speedupOverBaseline, serverMaxInFlight,
                maxInFlightAllowed, heartbeatGapMillis, exhibitionHours, parallelSpans, waiters, counter, deadline, pipeline,
                allRuns, null, null);
    }

    /** A summary without pipeline figures (every case but the pipeline's). */
    CaseSummary(String paradigm, String caseId, String exercise, String inputs, String status, String reason,
                int warmups, int runs,
                Double wallMillis, Double cpuMillis, Double coresUsed, Integer peakThreads, Double peakHeapMegabytes,
                Double perSecond, String perSecondUnit,
                Double idealMillis, Double ratioToIdeal, Double speedupOverBaseline,
                Integer serverMaxInFlight, Integer maxInFlightAllowed,
                Double heartbeatGapMillis, Double exhibitionHours, Boolean parallelSpans,
                Waiters waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
                List<RunFigures> allRuns) {
        this(paradigm, caseId, exercise, inputs, status, reason, warmups, runs, wallMillis, cpuMillis, coresUsed, peakThreads,
                peakHeapMegabytes, perSecond, perSecondUnit, idealMillis, ratioToIdeal, speedupOverBaseline, serverMaxInFlight,
                maxInFlightAllowed, heartbeatGapMillis, exhibitionHours, parallelSpans, waiters, counter, deadline, null, allRuns);
    }

    boolean measured() {
        return ("ok".equals(status) || "wrong".equals(status)) && wallMillis != null;
    }

    /**
     * The comparison table's scalability row, for one paradigm.
     *
     * @param tasks             N: min(the paradigm's capacity, the mode's most)
     * @param waitMillis        D: each task's wait
     * @param maxWaitingAtOnce  the most tasks waiting at the same moment
     * @param early             tasks that woke before D
     * @param capacity          the paradigm's declared capacity
     * @param limitedBy         what limits it, in the paradigm's words
     * @param stopsAtCapacity   whether the capacity, not the mode, set N (then the reason is the figure)
     * @param beyondWaitMillis  wall − D: making, waking and ending the tasks (for tasks that wait one after another,
     *                          the other waits too)
     * @param heapPerTaskBytes  (peak heap − heap in use before the run, after a GC) ÷ N: an upper bound
     * @param liveHeapPerTaskBytes the heap kept alive per task while all N waited (a GC at that moment,
     *                          in a weighing run); null if they never all waited at once
     */
    record Waiters(int tasks, long waitMillis, int maxWaitingAtOnce, int early, int capacity, String limitedBy,
                   boolean stopsAtCapacity, double beyondWaitMillis, double heapPerTaskBytes, Double liveHeapPerTaskBytes) {
    }
}
