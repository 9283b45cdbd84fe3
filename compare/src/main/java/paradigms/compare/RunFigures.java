package paradigms.compare;

/**
 * What one measured run cost, and what the server saw meanwhile.
 *
 * @param wallMillis         elapsed real time ({@code Meter})
 * @param cpuMillis          CPU time of the child JVM, all its threads, plus that of its own worker processes: those
 *                           that ended during the run ({@code ReapedChildrenCpu}) and those kept alive after it
 *                           ({@link LiveChildrenCpu}: multiprocessing's kept workers)
 * @param peakThreads        the most live platform threads in the child JVM (virtual threads are not counted)
 * @param peakHeapBytes      the largest heap occupancy of the child JVM, garbage not yet collected included (its
 *                           worker processes' heaps are their own, and not in it)
 * @param units              requests, pages, queries or increments done; 0 where that means nothing
 * @param serverMaxInFlight  the web server's observed maximum of requests in flight, or null if the case does not use it
 * @param serverRequests     requests the web server answered during the run, or null
 * @param heartbeatGapMillis blocking: the heartbeat's largest gap, or null
 * @param exhibitionHours    exhibition: its length in exhibition hours, or null
 * @param waiters            waiters: its own figures, or null
 * @param counter            counter: its own figures, or null
 * @param deadline           deadline: its own figures, or null
 * @param pipeline           pipeline: its own figures, or null
 * @param resume             download, waiters: its resume latencies, or null
 * @param resumeCase         resume: the sleepers' resume latencies, quiet and loaded, or null
 */
record RunFigures(double wallMillis, double cpuMillis, int peakThreads, long peakHeapBytes, int units,
                  Integer serverMaxInFlight, Long serverRequests, Double heartbeatGapMillis, Double exhibitionHours,
                  WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
                  PipelineWorkload.Figures pipeline, DownloadWorkload.Resume resume, ResumeWorkload.Figures resumeCase) {

    /** A run without the resume case's figures. */
    RunFigures(double wallMillis, double cpuMillis, int peakThreads, long peakHeapBytes, int units,
               Integer serverMaxInFlight, Long serverRequests, Double heartbeatGapMillis, Double exhibitionHours,
               WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
               PipelineWorkload.Figures pipeline, DownloadWorkload.Resume resume) {
        this(wallMillis, cpuMillis, peakThreads, peakHeapBytes, units, serverMaxInFlight, serverRequests, heartbeatGapMillis,
                exhibitionHours, waiters, counter, deadline, pipeline, resume, null);
    }

    /** A run without resume latencies. */
    RunFigures(double wallMillis, double cpuMillis, int peakThreads, long peakHeapBytes, int units,
               Integer serverMaxInFlight, Long serverRequests, Double heartbeatGapMillis, Double exhibitionHours,
               WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline,
               PipelineWorkload.Figures pipeline) {
        this(wallMillis, cpuMillis, peakThreads, peakHeapBytes, units, serverMaxInFlight, serverRequests, heartbeatGapMillis,
                exhibitionHours, waiters, counter, deadline, pipeline, null);
    }

    /** A run without pipeline figures. */
    RunFigures(double wallMillis, double cpuMillis, int peakThreads, long peakHeapBytes, int units,
               Integer serverMaxInFlight, Long serverRequests, Double heartbeatGapMillis, Double exhibitionHours,
               WaitersWorkload.Figures waiters, CounterWorkload.Figures counter, DeadlineWorkload.Figures deadline) {
        this(wallMillis, cpuMillis, peakThreads, peakHeapBytes, units, serverMaxInFlight, serverRequests, heartbeatGapMillis,
                exhibitionHours, waiters, counter, deadline, null);
    }

    /** A run without exercise-specific figures (tests). */
    RunFigures(double wallMillis, double cpuMillis, int peakThreads, long peakHeapBytes, int units,
               Integer serverMaxInFlight, Long serverRequests, Double heartbeatGapMillis, Double exhibitionHours) {
        this(wallMillis, cpuMillis, peakThreads, peakHeapBytes, units, serverMaxInFlight, serverRequests, heartbeatGapMillis,
                exhibitionHours, null, null, null, null);
    }
}
