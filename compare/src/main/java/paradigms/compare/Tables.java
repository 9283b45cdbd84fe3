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
            String ideal = info.idealMillis() != null ? "ideal " + Format.millis(info.idealMillis())
                    : "ideal: the baseline's time ÷ cores";
            tables.add(new Table(info.id(), info.id() + " — " + info.inputs() + "; " + ideal, rows));
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
        notes.add(s.runs() + (s.runs() == 1 ? " run" : " runs") + " after " + s.warmups() + (s.warmups() == 1 ? " warm-up" : " warm-ups"));
        if ("wrong".equals(s.status())) {
            notes.add("WRONG: " + s.reason());
        }
        return String.join("; ", notes);
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

    /** The seed table with paradigms as columns, as the seed draws it. */
    static List<List<String>> seedRows(SeedTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (SeedTable.Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.question());
            row.cells().forEach(cell -> cells.add(cell.text()));
            rows.add(cells);
        }
        return rows;
    }

    static List<String> seedHeader(SeedTable table) {
        List<String> header = new ArrayList<>();
        header.add("");
        table.columns().forEach(p -> header.add(p.name() + " (" + p.seedColumn() + ")"));
        return header;
    }
}
