package paradigms.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matrix as text tables, one per case with a row per paradigm, rendered for the terminal
 * (padded columns) and for Markdown (pipes). Both show the same cells.
 */
final class Tables {

    static final List<String> HEADER = List.of("paradigm", "status", "wall", "CPU", "cores used", "threads", "heap",
            "per second", "× ideal", "speedup", "in flight", "notes");

    /** One case's table. */
    record Table(String caseId, String title, List<List<String>> rows) {
    }

    private Tables() {
    }

    static List<Table> of(Results results) {
        List<Table> tables = new ArrayList<>();
        for (Results.CaseInfo info : results.cases()) {
            List<List<String>> rows = new ArrayList<>();
            for (ParadigmInfo paradigm : results.paradigms()) {
                CaseSummary s = results.find(paradigm.name(), info.id());
                if (s != null) {
                    rows.add(row(s));
                }
            }
            String ideal = info.idealMillis() != null ? "; ideal " + Format.millis(info.idealMillis())
                    : info.exercise().equals("squares") ? "; ideal: the baseline's time ÷ cores" : "";
            tables.add(new Table(info.id(), info.id() + " — " + info.inputs() + ideal, rows));
        }
        return tables;
    }

    static List<String> row(CaseSummary s) {
        if (!s.measured()) {
            return List.of(s.paradigm(), s.status(), "—", "—", "—", "—", "—", "—", "—", "—", "—", s.reason());
        }
        return List.of(s.paradigm(), s.status(),
                Format.millis(s.wallMillis()),
                Format.millis(s.cpuMillis()),
                s.coresUsed() == null ? "—" : Format.decimal(s.coresUsed(), 2),
                Format.count(s.peakThreads()),
                Format.megabytes((long) (s.peakHeapMegabytes() * 1024 * 1024)),
                s.perSecond() == null ? "—" : Format.count(Math.round(s.perSecond())) + " " + s.perSecondUnit(),
                s.ratioToIdeal() == null ? "—" : Format.times(s.ratioToIdeal()),
                s.speedupOverBaseline() == null ? "—" : Format.times(s.speedupOverBaseline()),
                s.serverMaxInFlight() == null ? "—" : Format.count(s.serverMaxInFlight()) + " of " + Format.count(s.maxInFlightAllowed()),
                notes(s));
    }

    private static String notes(CaseSummary s) {
        List<String> notes = new ArrayList<>();
        if (s.heartbeatGapMillis() != null) {
            notes.add("heartbeat gap " + Format.millis(s.heartbeatGapMillis()));
        }
        if (s.exhibitionHours() != null) {
            notes.add(String.format(Locale.ROOT, "%.2f exhibition hours", s.exhibitionHours()));
        }
        if (s.parallelSpans() != null && s.exercise().equals("squares")) {
            notes.add(s.parallelSpans() ? "spans overlap" : "spans never overlap");
        }
        if (s.waiters() != null) {
            notes.add(waiters(s.waiters()));
        }
        if (s.counter() != null) {
            var c = s.counter();
            notes.add(c.lost() == 0 ? "total " + Format.count(c.total()) + ", exact"
                    : "total " + Format.count(c.total()) + " of " + Format.count(c.expected()));
        }
        if (s.deadline() != null) {
            notes.add(deadline(s.deadline()));
        }
        if (s.pipeline() != null) {
            notes.add(pipeline(s.pipeline()));
        }
        if (s.resume() != null) {
            notes.add(resume(s.resume(), s.exercise().equals("waiters") ? "its timer was due" : "the answer was sent",
                    s.exercise().equals("waiters") ? "waits" : "answers"));
        }
        if (s.resumeCase() != null) {
            notes.add(resumeCase(s.resumeCase()));
        }
        notes.add(s.runs() + (s.runs() == 1 ? " run" : " runs") + " after " + s.warmups() + (s.warmups() == 1 ? " warm-up" : " warm-ups"));
        if ("wrong".equals(s.status())) {
            notes.add("WRONG: " + s.reason());
        }
        return String.join("; ", notes);
    }

    /** "N = 10,000 (capacity 250,000), 10,000 at once, 1.21 s beyond the wait, 8.7 KB heap per task at the peak, 2.6 KB kept alive". */
    static String waiters(CaseSummary.Waiters w) {
        return "N = " + Format.count(w.tasks()) + " (declared capacity " + Format.count(w.capacity()) + ")"
                + ", " + Format.count(w.maxWaitingAtOnce()) + " at once"
                + ", " + Format.millis(w.beyondWaitMillis()) + " beyond the wait"
                + ", " + Format.bytes(w.heapPerTaskBytes()) + " heap per task at the peak"
                + (w.liveHeapPerTaskBytes() == null ? "" : ", " + Format.bytes(w.liveHeapPerTaskBytes()) + " kept alive");
    }

    /** "FAILED_FAST: 1 finished, 1 failed, 3 cancelled; back 12 ms after the failure; server quiet at return; nothing left in the JVM". */
    static String deadline(DeadlineWorkload.Figures d) {
        String after = d.ending().equals("DEADLINE_PASSED") ? "the deadline" : "the failure's answer";
        String back = d.beyondMillis() >= 0 ? "back " + Format.millis(d.beyondMillis()) + " after " + after
                : "back " + Format.millis(-d.beyondMillis()) + " before " + after;
        return d.ending() + ": " + d.finished() + " finished, " + d.failed() + " failed, " + d.cancelled() + " cancelled; "
                + back + "; " + (d.server() == null ? "server not watched" : d.server().describe()) + "; "
                + (d.leftInJvm().isEmpty() ? "nothing left in the JVM" : "left in the JVM: " + String.join(", ", d.leftInJvm()));
    }

    /** "buffer high-water 4 of B = 4; stage 1 61 pages/s (ideal 100), stage 2 64 pages/s (ideal 67)". */
    static String pipeline(PipelineWorkload.Figures p) {
        return "buffer high-water " + p.highWater() + " of B = " + p.bufferSize()
                + "; stage 1 " + Format.count(Math.round(p.stage1PerSecond())) + " pages/s (ideal " + Format.count(Math.round(p.stage1IdealPerSecond())) + ")"
                + ", stage 2 " + Format.count(Math.round(p.stage2PerSecond())) + " pages/s (ideal " + Format.count(Math.round(p.stage2IdealPerSecond())) + ")";
    }

    /** "resumed 85 µs after the answer was sent (p50), 1.2 ms (p99), 3.4 ms (max), 24 answers". */
    static String resume(DownloadWorkload.Resume r) {
        return resume(r, "the answer was sent", "answers");
    }

    /** The same, after {@code what} happened: "its timer was due", counted in {@code units}. */
    static String resume(DownloadWorkload.Resume r, String what, String units) {
        return "resumed " + micros(r.resumeP50Micros()) + " after " + what + " (p50), " + micros(r.resumeP99Micros())
                + " (p99), " + micros(r.resumeMaxMicros()) + " (max), " + Format.count(r.resumes()) + " " + units;
    }

    /** "sleepers resumed after their timer was due: alone 80 µs (p50), 150 µs (p99), 300 µs (max); beside the busy tasks 1.2 ms, 190 ms, 201 ms". */
    static String resumeCase(ResumeWorkload.Figures f) {
        return "sleepers resumed after their timer was due: alone " + micros(f.quietP50Micros()) + " (p50), "
                + micros(f.quietP99Micros()) + " (p99), " + micros(f.quietMaxMicros()) + " (max); beside the busy tasks "
                + micros(f.loadedP50Micros()) + " (p50), " + micros(f.loadedP99Micros()) + " (p99), "
                + micros(f.loadedMaxMicros()) + " (max)";
    }

    /** "85 µs" below a millisecond, else as {@link Format#millis}. */
    static String micros(double micros) {
        return micros < 1_000 ? Math.round(micros) + " µs" : Format.millis(micros / 1_000);
    }

    /** Padded columns; the last column is not padded (it holds the longest text). */
    static String terminal(List<String> header, List<List<String>> rows) {
        int columns = header.size();
        int[] widths = new int[columns];
        for (List<String> row : concat(header, rows)) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        var text = new StringBuilder();
        for (List<String> row : concat(header, rows)) {
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                text.append(c < columns - 1 ? cell + " ".repeat(widths[c] - cell.length() + 2) : cell);
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String markdown(List<String> header, List<List<String>> rows) {
        var text = new StringBuilder();
        text.append(markdownRow(header));
        text.append("|").append("---|".repeat(header.size())).append('\n');
        rows.forEach(row -> text.append(markdownRow(row)));
        return text.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** The comparison table with paradigms as columns, as the talk draws it. */
    static List<List<String>> comparisonRows(ComparisonTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.question());
            row.cells().forEach(cell -> cells.add(cell.text()));
            rows.add(cells);
        }
        return rows;
    }

    static List<String> comparisonHeader(ComparisonTable table) {
        List<String> header = new ArrayList<>();
        header.add("");
        table.columns().forEach(p -> header.add(p.name() + " (" + p.column() + ")"));
        return header;
    }
}
