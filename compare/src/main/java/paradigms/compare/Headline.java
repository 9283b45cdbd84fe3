package paradigms.compare;

import paradigms.common.exhibition.ExhibitionRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's headline numbers: the exhibition's 12 hours against 1, and 1,000,000 requests
 * with at most 1,000 in flight (the Python aiohttp anchor: 9 min 5 s, 3.8 GB).
 */
record Headline(Exhibition exhibition, Million million) {

    /** The seed's Python figure for a million requests with aiohttp, quoted beside ours. */
    static final String PYTHON_ANCHOR = "Python aiohttp (the seed): 9 min 5 s, 3.8 GB";

    /**
     * @param idealRatio     sequential over concurrent exhibition time, by the rules of the game (43,200 s / 3,655 s)
     * @param measuredRatio  the baseline's measured hours over the fastest paradigm's, or null if either is missing
     */
    record Exhibition(double idealSequentialHours, double idealConcurrentHours, double idealRatio,
                      Double sequentialHours, String fastestParadigm, Double fastestHours, Double measuredRatio) {

        String line() {
            String ideal = String.format(Locale.ROOT, "by the rules %.1f h game after game vs %.2f h at once: ratio %.1f (the seed: 12 h vs 1 h)",
                    idealSequentialHours, idealConcurrentHours, idealRatio);
            if (measuredRatio == null) {
                String measured = sequentialHours == null ? "no sequential exhibition result"
                        : String.format(Locale.ROOT, "%.2f h game after game (sequential), no other paradigm measured", sequentialHours);
                return "exhibition: " + ideal + "; measured: " + measured;
            }
            return String.format(Locale.ROOT, "exhibition: measured %.2f h (sequential) vs %.2f h (%s): ratio %.1f; %s",
                    sequentialHours, fastestHours, fastestParadigm, measuredRatio, ideal);
        }
    }

    /** @param note why there are no runs (quick mode), or null */
    record Million(String note, List<CaseSummary> runs) {

        List<String> lines() {
            if (note != null) {
                return List.of("1,000,000 requests, 1,000 in flight: " + note + "; " + PYTHON_ANCHOR);
            }
            var lines = new ArrayList<String>();
            lines.add("1,000,000 requests, 1,000 in flight (" + PYTHON_ANCHOR + "):");
            for (CaseSummary run : runs) {
                lines.add("  " + run.paradigm() + ": " + (run.measured()
                        ? Format.millis(run.wallMillis()) + ", " + Format.megabytes((long) (run.peakHeapMegabytes() * 1024 * 1024))
                          + " peak heap, " + Format.count(run.serverMaxInFlight()) + " in flight at most"
                          + ("wrong".equals(run.status()) ? " (wrong result: " + run.reason() + ")" : "")
                        : run.status() + ": " + run.reason()));
            }
            return lines;
        }
    }

    static Headline of(List<CaseSummary> summaries, Plan plan) {
        return new Headline(exhibition(summaries), million(summaries, plan));
    }

    private static Exhibition exhibition(List<CaseSummary> summaries) {
        var rules = ExhibitionRequest.seed();
        double sequential = rules.sequentialSeconds() / 3600.0;
        double concurrent = rules.concurrentSeconds() / 3600.0;
        List<CaseSummary> measured = summaries.stream()
                .filter(s -> s.caseId().equals("exhibition") && "ok".equals(s.status()) && s.exhibitionHours() != null)
                .toList();
        Optional<CaseSummary> baseline = measured.stream().filter(s -> s.paradigm().equals(Summaries.BASELINE)).findFirst();
        Optional<CaseSummary> fastest = measured.stream().filter(s -> !s.paradigm().equals(Summaries.BASELINE))
                .min(Comparator.comparingDouble(CaseSummary::exhibitionHours));
        if (baseline.isEmpty() || fastest.isEmpty()) {
            return new Exhibition(sequential, concurrent, sequential / concurrent,
                    baseline.map(CaseSummary::exhibitionHours).orElse(null), null, null, null);
        }
        return new Exhibition(sequential, concurrent, sequential / concurrent, baseline.get().exhibitionHours(),
                fastest.get().paradigm(), fastest.get().exhibitionHours(),
                baseline.get().exhibitionHours() / fastest.get().exhibitionHours());
    }

    private static Million million(List<CaseSummary> summaries, Plan plan) {
        if (plan.workloads().stream().noneMatch(w -> w.id().equals("download-million"))) {
            return new Million("not run in --quick (run with --full)", List.of());
        }
        List<CaseSummary> runs = summaries.stream().filter(s -> s.caseId().equals("download-million")).toList();
        return new Million(runs.isEmpty() ? "not run (--exercises left out download)" : null, runs);
    }
}
