package paradigms.compare;

import paradigms.common.exhibition.ExhibitionRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The course's headline numbers: the exhibition's 12 hours against 1 (from Miguel Grinberg's
 * PyCon 2017 talk), and 1,000,000 requests with at most 1,000 in flight (from pawelmhm's
 * "Making 1 million requests with python-aiohttp": 9 min 5 s, 3.8 GB in Python).
 *
 * <p>What comes from where is said in every line: the exhibition's ideal comes from its request,
 * "by the rules" of the game; each measured ratio names the paradigm it was measured for.
 */
record Headline(Exhibition exhibition, Million million) {

    /** The Python figure for a million requests with aiohttp, quoted beside ours (not measured here). */
    static final String PYTHON_ANCHOR = "Python aiohttp (pawelmhm's article, not measured here): 9 min 5 s, 3.8 GB";

    /**
     * @param idealSequentialHours  game after game, by the rules of the request compare plays
     * @param idealConcurrentHours  every board at once with a master who never waits, by the same rules
     * @param idealRatio            the two above divided: what the rules promise
     * @param sequentialHours       the baseline's measured exhibition hours, or null
     * @param measured              every other paradigm's measured hours and its own ratio, in the paradigms' order
     */
    record Exhibition(double idealSequentialHours, double idealConcurrentHours, double idealRatio,
                      Double sequentialHours, List<Measured> measured) {

        /** @param ratio the baseline's measured hours over this paradigm's */
        record Measured(String paradigm, double hours, double ratio) {
        }

        String rulesLine() {
            return String.format(Locale.ROOT, "exhibition, by the rules: %.1f h game after game vs %.2f h at once: ratio %.1f"
                    + " (the talk rounds them to 12 h and 1 h)", idealSequentialHours, idealConcurrentHours, idealRatio);
        }

        String measuredLine() {
            if (sequentialHours == null) {
                return "exhibition, measured: no sequential exhibition result, so no ratio";
            }
            if (measured.isEmpty()) {
                return String.format(Locale.ROOT, "exhibition, measured: %.2f h game after game (sequential); no other paradigm measured",
                        sequentialHours);
            }
            return String.format(Locale.ROOT, "exhibition, measured: %.2f h game after game (sequential); at once: %s",
                    sequentialHours, measured.stream()
                            .map(m -> String.format(Locale.ROOT, "%s %.2f h (ratio %.1f)", m.paradigm(), m.hours(), m.ratio()))
                            .collect(Collectors.joining(", ")));
        }

        List<String> lines() {
            return List.of(rulesLine(), measuredLine());
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
        return new Headline(exhibition(summaries, plan), million(summaries, plan));
    }

    /** The rules of the exhibition compare plays (the plan's), or the course's when the plan has none. */
    static Exhibition exhibition(List<CaseSummary> summaries, Plan plan) {
        var rules = plan.workloads().stream().filter(w -> w instanceof ExhibitionWorkload)
                .map(w -> ((ExhibitionWorkload) w).request()).findFirst().orElse(ExhibitionRequest.pyConExhibition());
        double sequential = rules.sequentialSeconds() / 3600.0;
        double concurrent = rules.concurrentSeconds() / 3600.0;
        List<CaseSummary> ok = summaries.stream()
                .filter(s -> s.caseId().equals("exhibition") && "ok".equals(s.status()) && s.exhibitionHours() != null)
                .toList();
        Double baseline = ok.stream().filter(s -> s.paradigm().equals(Summaries.BASELINE)).findFirst()
                .map(CaseSummary::exhibitionHours).orElse(null);
        List<Exhibition.Measured> measured = baseline == null ? List.of() : ok.stream()
                .filter(s -> !s.paradigm().equals(Summaries.BASELINE))
                .map(s -> new Exhibition.Measured(s.paradigm(), s.exhibitionHours(), baseline / s.exhibitionHours()))
                .toList();
        return new Exhibition(sequential, concurrent, sequential / concurrent, baseline, measured);
    }

    private static Million million(List<CaseSummary> summaries, Plan plan) {
        if (plan.workloads().stream().noneMatch(w -> w.id().equals("download-million"))) {
            return new Million("not run in --quick (run with --full)", List.of());
        }
        List<CaseSummary> runs = summaries.stream().filter(s -> s.caseId().equals("download-million")).toList();
        return new Million(runs.isEmpty() ? "not run (--exercises left out download)" : null, runs);
    }
}
