package paradigms.compare;

import paradigms.common.trace.ChromeTrace;
import paradigms.common.trace.Trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what compare found: the terminal summary, {@code results.json}, {@code report.md}
 * with its charts ({@code charts/}), the timelines ({@code timelines/}) and the traces for
 * Perfetto ({@code traces/}).
 */
final class Report {

    /** The files of the report, relative to the output folder. */
    static final String RESULTS = "results.json";
    static final String MARKDOWN = "report.md";
    /** Each paradigm's task lives in the resume case: {@code timelines/<paradigm>-resume-life.png}. */
    static final String RESUME_LIFE = "-resume-life.png";

    private final Results results;
    private final List<ChildJvm.Collected> collected;
    private final Plan plan;
    private final Path out;

    Report(Results results, List<ChildJvm.Collected> collected, Plan plan, Path out) {
        this.results = results;
        this.collected = collected;
        this.plan = plan;
        this.out = out;
    }

    void printTerminal(PrintStream terminal) {
        var m = results.machine();
        terminal.printf(Locale.ROOT, "%nConcurrency, six ways — compare (%s, %d ms latency) on %d cores; load average %.2f before, %.2f after%n%n",
                results.settings().mode(), results.settings().latencyMillis(), m.cores(), m.loadAverageBefore(), m.loadAverageAfter());
        for (Tables.Table table : Tables.of(results)) {
            terminal.println(table.title());
            terminal.println(Tables.terminal(Tables.HEADER, table.rows()));
        }
        terminal.println("The comparison table, measured for Java");
        for (ComparisonTable.Row row : results.comparisonTable().rows()) {
            terminal.println("  " + row.question() + "  (" + row.measuredBy() + ")");
            for (ComparisonTable.Cell cell : row.cells()) {
                terminal.printf(Locale.ROOT, "    %-16s %s%n", cell.paradigm(), cell.text());
            }
        }
        terminal.println();
        results.headline().exhibition().lines().forEach(terminal::println);
        results.headline().million().lines().forEach(terminal::println);
        results.notes().forEach(note -> terminal.println("note: " + note));
        terminal.printf(Locale.ROOT, "%nWritten to %s: %s, %s, charts/, timelines/, traces/ (%.0f s in all)%n",
                out, MARKDOWN, RESULTS, m.totalSeconds());
    }

    /** Writes every file; returns the pictures made, relative to the output folder. */
    List<String> writeFiles() throws IOException {
        Files.createDirectories(out.resolve("charts"));
        Files.createDirectories(out.resolve("timelines"));
        Files.createDirectories(out.resolve("traces"));
        var tree = Json.FILE.<com.fasterxml.jackson.databind.node.ObjectNode>valueToTree(results);
        paradigms.compare.bench.Benchmarks.keepFrom(out.resolve(RESULTS), tree); // the --bench figures stay
        Json.FILE.writeValue(out.resolve(RESULTS).toFile(), tree);
        List<String> caseOrder = results.cases().stream().map(Results.CaseInfo::id).toList();
        Charts.write(results.results(), caseOrder, results.paradigms(), out.resolve("charts"));
        List<String> timelines = writeTimelines();
        List<String> traces = writeTraces();
        Files.writeString(out.resolve(MARKDOWN), markdown(timelines, traces));
        return timelines;
    }

    private List<String> writeTimelines() throws IOException {
        List<String> written = new ArrayList<>();
        Map<String, List<InFlightSampler.Sample>> inFlight = new LinkedHashMap<>();
        for (ChildJvm.Collected c : collected) {
            CaseResult r = c.result();
            if (!r.spans().isEmpty()) {
                String file = "timelines/" + r.paradigm() + "-" + r.caseId() + ".png";
                String whose = r.caseId().equals("resume") ? "a small loaded call's trace (apart from the measured runs)"
                        : "the median run's trace";
                Timelines.writeSpans(r.paradigm() + " · " + r.caseId() + " · " + whose, r.spans(), out.resolve(file));
                written.add(file);
            }
            if (!r.masterMoves().isEmpty()) {
                String file = "timelines/" + r.paradigm() + "-exhibition-master.png";
                int boards = ((ExhibitionWorkload) plan.byId("exhibition")).request().boards();
                Timelines.writeMasterWalk(r.paradigm() + " · the master walking from board to board", r.masterMoves(), boards,
                        out.resolve(file));
                written.add(file);
            }
            if (!r.bufferLevel().isEmpty()) {
                String file = "timelines/" + r.paradigm() + "-" + r.caseId() + "-buffer.png";
                int bufferSize = ((PipelineWorkload) plan.byId(r.caseId())).bufferSize();
                Timelines.writeBufferLevel(r.paradigm() + " · " + r.caseId() + " · pages in the buffer over the median run",
                        r.paradigm(), r.bufferLevel(), bufferSize, out.resolve(file));
                written.add(file);
            }
            if (r.caseId().equals("resume") && !r.taskStates().isEmpty()) {
                String file = "timelines/" + r.paradigm() + RESUME_LIFE;
                Timelines.writeTaskLives(r.paradigm() + " · resume · each task's life in a small loaded run (traced apart from the measured ones)",
                        r.taskStates(), out.resolve(file));
                written.add(file);
            } else if (!r.taskStates().isEmpty()) { // a traced case whose tasks told their lives (download)
                String file = "timelines/" + r.paradigm() + "-" + r.caseId() + "-life.png";
                Timelines.writeTaskLives(r.paradigm() + " · " + r.caseId() + " · each task's life in the median run",
                        r.taskStates(), out.resolve(file));
                written.add(file);
            }
            if (r.caseId().equals("download") && !c.inFlight().isEmpty()) {
                inFlight.put(r.paradigm(), c.inFlight());
            }
        }
        if (!inFlight.isEmpty()) {
            String file = "timelines/download-in-flight.png";
            Timelines.writeInFlight("download · requests in flight over time (median run, sampled every ms)", inFlight, out.resolve(file));
            written.add(file);
        }
        return written;
    }

    private List<String> writeTraces() throws IOException {
        List<String> written = new ArrayList<>();
        for (ChildJvm.Collected c : collected) {
            CaseResult r = c.result();
            if (!r.spans().isEmpty() || !r.taskStates().isEmpty()) {
                // The spans on their threads' lanes, and each task's track: running / waiting / ready, with the arrows.
                Trace trace = Trace.recording();
                r.spans().forEach(trace::record);
                r.taskStates().forEach(trace::record);
                String file = "traces/" + r.paradigm() + "-" + r.caseId() + ".json";
                ChromeTrace.write(trace, out.resolve(file));
                written.add(file);
            }
        }
        return written;
    }

    String markdown(List<String> timelines, List<String> traces) {
        var m = results.machine();
        var md = new StringBuilder();
        md.append("# Concurrency, six ways — measured\n\n");
        md.append(String.format(Locale.ROOT,
                "Machine: %d cores, %s, Java %s; child JVMs `%s`. Started %s; load average %.2f before and %.2f after "
                        + "(on %d cores, above about 0.5 before means something else was running). Mode `%s`, server latency %d ms, "
                        + "%.0f s in all.%n%n",
                m.cores(), m.os(), m.java(), m.childJvmOptions(), m.startedAt(), m.loadAverageBefore(), m.loadAverageAfter(),
                m.cores(), results.settings().mode(), results.settings().latencyMillis(), m.totalSeconds()));
        md.append("Regenerate: `").append(regenerate()).append("`\n\n");

        md.append("## The comparison table, measured for Java\n\n");
        md.append(Tables.markdown(Tables.comparisonHeader(results.comparisonTable()), Tables.comparisonRows(results.comparisonTable())));
        md.append('\n');
        for (ComparisonTable.Row row : results.comparisonTable().rows()) {
            md.append("- **").append(row.question()).append("**: ").append(row.measuredBy()).append('\n');
        }
        md.append("\n## Headline numbers\n\n");
        results.headline().exhibition().lines().forEach(line -> md.append("- ").append(line).append('\n'));
        results.headline().million().lines().forEach(line -> md.append(line.startsWith("  ") ? "  - " + line.strip() : "- " + line).append('\n'));

        md.append("\n## Charts\n\n");
        for (Charts.Chart chart : Charts.ALL) {
            md.append("![").append(chart.title()).append("](charts/").append(chart.file()).append(")\n\n");
        }

        md.append("## Every case\n\n");
        md.append("Figures are those of the median run by wall time. CPU, threads and heap are the paradigm's own JVM "
                + "(a child JVM per paradigm); the web server runs in the parent and is not counted.\n\n");
        for (Tables.Table table : Tables.of(results)) {
            md.append("### ").append(table.title()).append("\n\n");
            md.append(Tables.markdown(Tables.HEADER, table.rows())).append('\n');
        }

        md.append("## Timelines\n\n");
        md.append("Each from the median run's trace (`Trace.spans()`): a lane per thread, a bar per span.\n\n");
        for (String picture : timelines) {
            md.append("![").append(picture).append("](").append(picture).append(")\n\n");
        }
        md.append("## Traces for Perfetto\n\n");
        md.append("Open any of these in https://ui.perfetto.dev (Chrome Trace Event JSON):\n\n");
        traces.forEach(trace -> md.append("- `").append(trace).append("`\n"));
        if (!results.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            results.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    /** The README command with the options this run was given (a progress bar or not changes no figure). */
    String regenerate() {
        List<String> arguments = results.settings().arguments().stream().filter(a -> !a.equals("--no-progress")).toList();
        return "./mvnw -q -pl compare -am package exec:java@compare -DskipTests"
                + (arguments.isEmpty() ? "" : " -Dexec.args=\"" + String.join(" ", arguments) + "\"");
    }
}
