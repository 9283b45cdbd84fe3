package paradigms.compare;

import java.util.List;

/**
 * Everything one run of compare found, as written to {@code results.json}.
 *
 * @param notes lines the reader should see: what was skipped and why, what did not exit cleanly
 */
record Results(Machine machine, Settings settings, List<ParadigmInfo> paradigms, List<CaseInfo> cases,
               List<CaseSummary> results, List<Startup> startups, ComparisonTable comparisonTable, Headline headline, List<String> notes) {

    /**
     * The machine and the moment: figures mean little without them.
     *
     * @param loadAverageBefore the 1-minute load average when compare started: above ~0.5 on
     *                          2 cores, something else was running (the figures are then pessimistic)
     */
    record Machine(int cores, String os, String java, String childJvmOptions, double loadAverageBefore,
                   double loadAverageAfter, String startedAt, double totalSeconds) {
    }

    /**
     * What was asked for.
     *
     * @param arguments the command line as given, to regenerate the same report
     */
    record Settings(List<String> arguments, String mode, long latencyMillis, List<String> exercises, List<String> paradigms) {
    }

    /**
     * A case as planned: its inputs, repeats and ideal.
     *
     * @param idealMillis the ideal wall time, or null where it depends on the baseline (squares: baseline ÷ cores)
     */
    record CaseInfo(String id, String exercise, String inputs, int warmups, int mostMeasuredRuns, double budgetSeconds,
                    Double idealMillis) {

        static CaseInfo of(Workload workload) {
            Repeats r = workload.repeats();
            return new CaseInfo(workload.id(), workload.exercise().id(), workload.description(), r.warmups(), r.repeats(),
                    r.budget().toMillis() / 1e3, workload.ideal().map(d -> d.toNanos() / 1e6).orElse(null));
        }
    }

    CaseSummary find(String paradigm, String caseId) {
        return results.stream().filter(s -> s.paradigm().equals(paradigm) && s.caseId().equals(caseId)).findFirst().orElse(null);
    }
}
