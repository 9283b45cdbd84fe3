package paradigms.compare;

import paradigms.common.Exercise;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The comparison table of Miguel Grinberg's PyCon 2017 talk "Asynchronous Python for the Complete
 * Beginner" (as retold in the Analytics Vidhya article "Asyncio, Threading, and Multiprocessing in
 * Python"), measured for Java: a row per question, a column per paradigm,
 * and in every cell a verdict with the figure it comes from — or, where there is no figure,
 * the reason why (not chosen, skipped, failed).
 */
record ComparisonTable(List<ParadigmInfo> columns, List<Row> rows) {

    /** @param measuredBy where the row's figures come from, said in the report */
    record Row(String question, String measuredBy, List<Cell> cells) {
    }

    /** Either a verdict with its figure, or a reason there is none. */
    record Cell(String paradigm, String verdict, String figure, String reason) {

        static Cell of(String paradigm, String verdict, String figure) {
            return new Cell(paradigm, verdict, figure, null);
        }

        static Cell without(String paradigm, String reason) {
            return new Cell(paradigm, null, null, reason);
        }

        String text() {
            return reason == null ? verdict + " — " + figure : "n/a — " + reason;
        }
    }

    /** Below this speedup over sequential, waiting is not counted as optimized. */
    static final double WAITING_SPEEDUP = 1.5;
    /** Below this speedup on squares, overlapping spans bought no real parallelism. */
    static final double CPU_SPEEDUP = 1.25;

    static ComparisonTable build(List<ParadigmInfo> paradigms, List<CaseSummary> summaries, List<Startup> startups,
                                 Set<Exercise> chosen, Plan plan, int cores) {
        var builder = new Builder(summaries, chosen, plan, cores);
        return new ComparisonTable(paradigms, List.of(
                new Row("optimizes waiting", "download: speedup over sequential, and the most requests the server saw in flight",
                        paradigms.stream().map(builder::waiting).toList()),
                new Row("uses all CPU cores", "squares: speedup over sequential on " + cores + " cores, and whether trace spans overlap",
                        paradigms.stream().map(builder::cores).toList()),
                new Row("scalability", "waiters: N = min(the paradigm's declared capacity, " + Format.count(builder.waitersCase().maxTasks())
                        + ") tasks each wait " + Format.millis(builder.waitersCase().waitFor().toMillis())
                        + "; how many waited at once, the time beyond the wait,"
                        + " peak heap and heap per task, platform threads, and what stops it",
                        paradigms.stream().map(builder::scalability).toList()),
                new Row("blocking library calls", "blocking: the heartbeat's largest gap while JDBC queries ran",
                        paradigms.stream().map(builder::blocking).toList()),
                new Row("resume latency under load (p99)", "resume: " + builder.resumeCase().sleepers() + " sleepers of "
                        + builder.resumeCase().sleep().toMillis() + " ms beside " + builder.resumeCase().busyTasks()
                        + " tasks computing " + builder.resumeCase().busyFor().toMillis() + " ms each without yielding;"
                        + " how long after its timer was due a sleeper ran again, 99th percentile (and alone, without the busy tasks)",
                        paradigms.stream().map(builder::resumeUnderLoad).toList()),
                new Row("GIL interference", "not a figure: Java has no global interpreter lock",
                        paradigms.stream().map(p -> Cell.of(p.name(), "none in Java",
                                "no global lock; threading/README.md shows one, as a labelled demo")).toList()),
                new Row("start-up", "the wall time of the paradigm's startResources() in its child JVM, before its first case;"
                        + " every row above was measured with those resources started (warm), as a program keeps a pool",
                        paradigms.stream().map(p -> startup(p, startups)).toList())));
    }

    /** What the paradigm pays once for what it keeps between calls, measured apart from every case. */
    static Cell startup(ParadigmInfo p, List<Startup> startups) {
        return startups.stream().filter(s -> s.paradigm().equals(p.name())).findFirst()
                .map(s -> s.failure() != null
                        ? Cell.of(p.name(), "did not start", s.failure() + "; its cases ran without kept resources (each call started its own)")
                        : !s.keeps()
                        ? Cell.of(p.name(), "nothing kept", "its per-call set-up, if any (a thread, an executor, an event loop), is part of each call,"
                                + " and small")
                        : Cell.of(p.name(), Format.millis(s.millis()), s.started()))
                .orElse(Cell.without(p.name(), "not measured: none of its cases ran"));
    }

    private record Builder(List<CaseSummary> summaries, Set<Exercise> chosen, Plan plan, int cores) {

        Optional<CaseSummary> find(String paradigm, String caseId) {
            return summaries.stream().filter(s -> s.paradigm().equals(paradigm) && s.caseId().equals(caseId)).findFirst();
        }

        /** The summary if it has figures; otherwise the cell that says why not. */
        Cell unlessMeasured(String paradigm, String caseId, Exercise exercise, Function<CaseSummary, Cell> cell) {
            if (!chosen.contains(exercise)) {
                return Cell.without(paradigm, "not measured: --exercises left out " + exercise.id());
            }
            Optional<CaseSummary> found = find(paradigm, caseId);
            if (found.isEmpty()) {
                return Cell.without(paradigm, "not measured: no " + caseId + " result");
            }
            CaseSummary s = found.get();
            return switch (s.status()) {
                case "ok" -> cell.apply(s);
                case "wrong" -> Cell.of(paradigm, "wrong result", s.reason());
                default -> Cell.without(paradigm, s.status() + ": " + s.reason());
            };
        }

        Cell waiting(ParadigmInfo p) {
            return unlessMeasured(p.name(), "download", Exercise.DOWNLOAD, s -> {
                String inFlight = s.serverMaxInFlight() + " of " + s.maxInFlightAllowed() + " in flight";
                if (s.speedupOverBaseline() == null) {
                    return Cell.of(p.name(), s.serverMaxInFlight() > 1 ? "yes" : "no", inFlight + " (no baseline for a speedup)");
                }
                boolean yes = s.serverMaxInFlight() > 1 && s.speedupOverBaseline() >= WAITING_SPEEDUP;
                return Cell.of(p.name(), yes ? "yes" : "no", Format.times(s.speedupOverBaseline()) + " vs sequential, " + inFlight);
            });
        }

        Cell cores(ParadigmInfo p) {
            return unlessMeasured(p.name(), "squares", Exercise.SQUARES, s -> {
                String spans = s.parallelSpans() == null ? "not traced"
                        : s.parallelSpans() ? "spans overlap" : "spans never overlap";
                if (s.speedupOverBaseline() == null) {
                    return Cell.of(p.name(), Boolean.TRUE.equals(s.parallelSpans()) ? "yes" : "no", spans + " (no baseline for a speedup)");
                }
                String figure = Format.times(s.speedupOverBaseline()) + " vs sequential on " + cores + " cores, " + spans
                        + (s.speedupOverBaseline() > cores * 1.1 ? " (more than the cores allow: the load changed between the two)" : "");
                if (cores < 2) {
                    return Cell.of(p.name(), "cannot tell on 1 core", figure);
                }
                String verdict = !Boolean.TRUE.equals(s.parallelSpans()) ? "no"
                        : s.speedupOverBaseline() >= CPU_SPEEDUP ? "yes" : "partly";
                return Cell.of(p.name(), verdict, figure);
            });
        }

        /** The plan's waiters case: its most tasks and its wait are in the row's description. */
        WaitersWorkload waitersCase() {
            return (WaitersWorkload) plan.byId("waiters");
        }

        /**
         * By how many tasks waited at the same moment: the talk's "tens / hundreds / thousands",
         * extended to the millions. The figure: "10,000 waiting at once: 1.21 s beyond the 100 ms
         * wait, 85 MB peak heap (8.7 KB per task), 10,006 platform threads"; and where the
         * paradigm's capacity set N, "; stops at 10,000: REASON".
         */
        Cell scalability(ParadigmInfo p) {
            return unlessMeasured(p.name(), "waiters", Exercise.WAITERS, s -> {
                CaseSummary.Waiters w = s.waiters();
                String wait = Format.millis(w.waitMillis());
                String howMany = w.maxWaitingAtOnce() == w.tasks()
                        ? Format.count(w.tasks()) + " waiting at once"
                        : Format.count(w.tasks()) + " tasks, " + Format.count(w.maxWaitingAtOnce()) + " waiting at once";
                String time = w.maxWaitingAtOnce() == w.tasks()
                        ? Format.millis(w.beyondWaitMillis()) + " beyond the " + wait + " wait"
                        : Format.millis(s.wallMillis()) + " for " + Format.count(w.tasks()) + " waits of " + wait;
                String perTask = w.liveHeapPerTaskBytes() == null ? Format.bytes(w.heapPerTaskBytes()) + " per task"
                        : Format.bytes(w.heapPerTaskBytes()) + " per task; " + Format.bytes(w.liveHeapPerTaskBytes()) + " kept alive";
                String figure = String.format(Locale.ROOT, "%s: %s, %s peak heap (%s), %s platform threads",
                        howMany, time, Format.megabytes((long) (s.peakHeapMegabytes() * 1024 * 1024)),
                        perTask, Format.count(s.peakThreads()));
                if (w.stopsAtCapacity()) {
                    // The capacity is the paradigm's own declaration, not this run's finding: labelled so.
                    figure += "; stops at " + Format.count(w.capacity()) + " (declared by the paradigm, an estimate: "
                            + w.limitedBy() + ")";
                }
                return Cell.of(p.name(), magnitudeOf(w.maxWaitingAtOnce()), figure);
            });
        }

        /** The plan's resume case: its sizes are in the row's description. */
        ResumeWorkload resumeCase() {
            return (ResumeWorkload) plan.byId("resume");
        }

        /**
         * Whether a sleeper whose timer is due runs soon while busy tasks compute beside it, or
         * waits for them: "waits for the busy tasks" once the p99 reaches half a busy task's time.
         * The figure: "p99 402 ms (p50 201 ms, max 405 ms); alone p99 0.3 ms".
         */
        Cell resumeUnderLoad(ParadigmInfo p) {
            Duration busyFor = resumeCase().busyFor();
            return unlessMeasured(p.name(), "resume", Exercise.RESUME, s -> {
                ResumeWorkload.Figures f = s.resumeCase();
                if (f == null) {
                    return Cell.without(p.name(), "not measured: the resume result has no latencies");
                }
                boolean waits = f.loadedP99Micros() >= busyFor.toNanos() / 1e3 / 2;
                return Cell.of(p.name(), waits ? "waits for the busy tasks" : "prompt",
                        "p99 " + Tables.micros(f.loadedP99Micros()) + " (p50 " + Tables.micros(f.loadedP50Micros()) + ", max "
                                + Tables.micros(f.loadedMaxMicros()) + "); alone p99 " + Tables.micros(f.quietP99Micros()));
            });
        }

        Cell blocking(ParadigmInfo p) {
            Duration query = ((BlockingWorkload) plan.byId("blocking")).queryDuration();
            return unlessMeasured(p.name(), "blocking", Exercise.BLOCKING, s -> {
                boolean stalls = s.heartbeatGapMillis() >= query.toMillis() / 2.0;
                return Cell.of(p.name(), stalls ? "stalls" : "no stall",
                        "largest heartbeat gap " + Format.millis(s.heartbeatGapMillis()) + " while queries of "
                                + query.toMillis() + " ms ran");
            });
        }
    }

    /** The talk's "tens / hundreds / thousands", by how many were at once, extended to the millions. */
    static String magnitudeOf(int reached) {
        if (reached >= 1_000_000) {
            return "millions";
        }
        if (reached >= 100_000) {
            return "hundreds of thousands";
        }
        if (reached >= 10_000) {
            return "tens of thousands";
        }
        if (reached >= 1_000) {
            return "thousands";
        }
        if (reached >= 100) {
            return "hundreds";
        }
        if (reached >= 10) {
            return "tens";
        }
        return reached <= 1 ? "one at a time" : "a few";
    }
}
