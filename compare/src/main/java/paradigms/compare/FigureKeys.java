package paradigms.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Names every figure of one run, systematically, so that the list of keys is complete and
 * predictable: a README asks for {@code case.download.callbacks.wall} and knows it exists
 * whenever callbacks measured download.
 *
 * <p>The scheme (the README's blocks use it):
 * <ul>
 *   <li>{@code case.<caseId>.<paradigm>.<field>} — a cell of the main job's matrix, one key per
 *       field that the case has ({@link #CASE_FIELDS}, plus waiters', counter's and deadline's own);
 *       {@code case.<caseId>.inputs}, {@code case.<caseId>.ideal}, {@code case.<caseId>.allowedInFlight};
 *       {@code case.exhibition.rules.<field>} — the exhibition's hours by the rules of its request.</li>
 *   <li>{@code comparison.<row>.<paradigm>} — a cell of the comparison table, verdict and figure.</li>
 *   <li>{@code startup.<paradigm>} and {@code startup.<paradigm>.what} — what a paradigm pays once.</li>
 *   <li>{@code bench.<name>.<field>} and {@code bench.<name>.<paradigm>.<field>} — the {@code --bench}
 *       figures, field names as in results.json with the unit taken out ({@code wallMillis} → {@code wall}).</li>
 *   <li>{@code jmh.<Benchmark>.<method>} (and {@code .<param>} for a parameterised one) — JMH's scores.</li>
 *   <li>{@code quoted.<…>} — other systems' figures, quoted with their source, never measured here.</li>
 *   <li>Tables: {@code table.comparison}, {@code table.case.<caseId>}, {@code table.startup},
 *       {@code table.bench.<name>}, {@code table.jmh}.</li>
 * </ul>
 *
 * <p>Every text is formatted by {@link Format} or {@link Tables}, the same code the terminal
 * table and the report use, so that a README and a run's report never spell a figure differently.
 */
final class FigureKeys {

    /** Keys are dotted names of letters, digits and dashes. */
    static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9][a-zA-Z0-9-]*)+");

    /** One figure of a case, as the key's last part names it. */
    private record CaseField(String name, String what, Function<CaseSummary, Reference.Figure> figure) {
    }

    private static final List<CaseField> CASE_FIELDS = List.of(
            new CaseField("wall", "wall time of the median run", s -> figure(Format.millis(s.wallMillis()), s.wallMillis(), "ms")),
            new CaseField("cpu", "CPU time of the paradigm's JVM and its worker processes in the median run",
                    s -> figure(Format.millis(s.cpuMillis()), s.cpuMillis(), "ms")),
            new CaseField("coresUsed", "CPU time over wall time in the median run",
                    s -> s.coresUsed() == null ? null : figure(Format.decimal(s.coresUsed(), 2), s.coresUsed(), "cores")),
            new CaseField("threads", "most live platform threads in the paradigm's JVM (median run)",
                    s -> s.peakThreads() == null ? null : figure(Format.count(s.peakThreads()), s.peakThreads().doubleValue(), "threads")),
            new CaseField("heap", "largest heap occupancy of the paradigm's JVM (median run)",
                    s -> s.peakHeapMegabytes() == null ? null
                            : figure(Format.megabytes((long) (s.peakHeapMegabytes() * 1024 * 1024)), s.peakHeapMegabytes(), "MB")),
            new CaseField("perSecond", "units done per second of wall time (median run)",
                    s -> s.perSecond() == null ? null
                            : figure(Format.count(Math.round(s.perSecond())) + " " + s.perSecondUnit() + "/s", s.perSecond(),
                            s.perSecondUnit() + "/s")),
            new CaseField("ratioToIdeal", "wall time over the case's ideal (1 = perfect)",
                    s -> s.ratioToIdeal() == null ? null : figure(Format.times(s.ratioToIdeal()), s.ratioToIdeal(), "×")),
            new CaseField("speedup", "the sequential baseline's wall time over this paradigm's",
                    s -> s.speedupOverBaseline() == null ? null
                            : figure(Format.times(s.speedupOverBaseline()), s.speedupOverBaseline(), "×")),
            new CaseField("serverMaxInFlight", "the most requests the web server saw in flight at once (median run)",
                    s -> s.serverMaxInFlight() == null ? null
                            : figure(Format.count(s.serverMaxInFlight()), s.serverMaxInFlight().doubleValue(), "requests")),
            new CaseField("heartbeatGap", "the heartbeat's largest gap while the JDBC queries ran (median run)",
                    s -> s.heartbeatGapMillis() == null ? null
                            : figure(Format.millis(s.heartbeatGapMillis()), s.heartbeatGapMillis(), "ms")),
            new CaseField("exhibitionHours", "the exhibition's length in exhibition hours (median run)",
                    s -> s.exhibitionHours() == null ? null
                            : figure(String.format(Locale.ROOT, "%.2f h", s.exhibitionHours()), s.exhibitionHours(), "h")),
            // waiters
            new CaseField("tasks", "N, the waiting tasks run: min(the paradigm's declared capacity, the plan's most)",
                    s -> s.waiters() == null ? null : count(s.waiters().tasks(), "tasks")),
            new CaseField("atOnce", "the most tasks waiting at the same moment",
                    s -> s.waiters() == null ? null : count(s.waiters().maxWaitingAtOnce(), "tasks")),
            new CaseField("capacity", "the paradigm's declared capacity (its own estimate, not a measurement)",
                    s -> s.waiters() == null ? null : count(s.waiters().capacity(), "tasks")),
            new CaseField("beyondWait", "wall time minus the wait: making, waking and ending the tasks",
                    s -> s.waiters() == null ? null
                            : figure(Format.millis(s.waiters().beyondWaitMillis()), s.waiters().beyondWaitMillis(), "ms")),
            new CaseField("heapPerTask", "(peak heap − heap before the run) ÷ N: an upper bound",
                    s -> s.waiters() == null ? null
                            : figure(Format.bytes(s.waiters().heapPerTaskBytes()), s.waiters().heapPerTaskBytes(), "B")),
            new CaseField("liveHeapPerTask", "heap kept alive per task while all N waited (a GC at that moment, in a weighing run)",
                    s -> s.waiters() == null || s.waiters().liveHeapPerTaskBytes() == null ? null
                            : figure(Format.bytes(s.waiters().liveHeapPerTaskBytes()), s.waiters().liveHeapPerTaskBytes(), "B")),
            // counter
            new CaseField("total", "the counter's final total",
                    s -> s.counter() == null ? null : count(s.counter().total(), "increments")),
            new CaseField("expected", "what the counter's total should be",
                    s -> s.counter() == null ? null : count(s.counter().expected(), "increments")),
            new CaseField("lost", "increments lost (expected − total)",
                    s -> s.counter() == null ? null : count(s.counter().lost(), "increments")),
            // deadline
            new CaseField("returnedAfter", "how long after it could have known (the failure's answer, the deadline) the call returned",
                    s -> s.deadline() == null ? null
                            : figure(Format.millis(s.deadline().beyondMillis()), s.deadline().beyondMillis(), "ms")),
            new CaseField("cancelled", "URLs cancelled",
                    s -> s.deadline() == null ? null : count(s.deadline().cancelled(), "URLs")));

    private final Map<String, Reference.Figure> figures = new LinkedHashMap<>();
    private final Map<String, Reference.Table> tables = new LinkedHashMap<>();

    Map<String, Reference.Figure> figures() {
        return figures;
    }

    Map<String, Reference.Table> tables() {
        return tables;
    }

    static Reference.Figure figure(String text, Double value, String unit) {
        return new Reference.Figure(text, value == null ? null : rounded(value), unit, null, null);
    }

    /** Four significant digits: the value beside a text that shows two or three. */
    private static double rounded(double value) {
        return value == 0 || Double.isNaN(value) || Double.isInfinite(value) ? value
                : new java.math.BigDecimal(value).round(new java.math.MathContext(4)).doubleValue();
    }

    private static Reference.Figure count(long value, String unit) {
        return figure(Format.count(value), (double) value, unit);
    }

    void put(String key, Reference.Figure figure, String measuredBy) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a figure key: " + key);
        }
        if (figures.putIfAbsent(key, new Reference.Figure(figure.text(), figure.value(), figure.unit(), measuredBy, figure.source())) != null) {
            throw new IllegalStateException("figure key made twice: " + key);
        }
    }

    void table(String key, String markdown, String measuredBy) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a table key: " + key);
        }
        if (tables.putIfAbsent(key, new Reference.Table(markdown, measuredBy)) != null) {
            throw new IllegalStateException("table key made twice: " + key);
        }
    }

    /** The main job's figures: every case, the comparison table, start-up. */
    void mainJob(Results results) {
        String mode = results.settings().mode();
        for (Results.CaseInfo info : results.cases()) {
            String c = info.id();
            String producer = "compare case " + c + " (" + mode + " plan)";
            put("case." + c + ".inputs", figure(info.inputs(), null, ""), producer + ": its inputs");
            if (info.idealMillis() != null) {
                put("case." + c + ".ideal", figure(Format.millis(info.idealMillis()), info.idealMillis(), "ms"),
                        producer + ": the wall time of a perfect run, from the inputs");
            }
            for (ParadigmInfo paradigm : results.paradigms()) {
                CaseSummary s = results.find(paradigm.name(), c);
                if (s == null || !s.measured()) {
                    continue;
                }
                if (s.maxInFlightAllowed() != null && !figures.containsKey("case." + c + ".allowedInFlight")) {
                    put("case." + c + ".allowedInFlight", count(s.maxInFlightAllowed(), "requests"),
                            producer + ": C, the most requests (or connections) the case allows at once");
                }
                String runs = s.runs() + (s.runs() == 1 ? " run" : " runs") + " after " + s.warmups()
                        + (s.warmups() == 1 ? " warm-up" : " warm-ups");
                for (CaseField field : CASE_FIELDS) {
                    Reference.Figure f = field.figure().apply(s);
                    if (f != null) {
                        put("case." + c + "." + paradigm.name() + "." + field.name(), f,
                                producer + ", " + paradigm.name() + ": " + field.what() + " (" + runs + ")");
                    }
                }
                exerciseOwnFigures(s, "case." + c + "." + paradigm.name() + ".", producer + ", " + paradigm.name(), runs);
            }
            table("table.case." + c, Tables.markdown(Tables.HEADER, rows(results, c)),
                    producer + ": every paradigm's figures, median run by wall time");
        }
        exhibitionRules(results.headline().exhibition());
        comparison(results.comparisonTable());
        startups(results);
    }

    /** The exercise-specific records {@link #CASE_FIELDS} names field by field; any other is read generically. */
    private static final java.util.Set<Class<?>> NAMED_FIELD_BY_FIELD = java.util.Set.of(CaseSummary.Waiters.class,
            CounterWorkload.Figures.class, DeadlineWorkload.Figures.class);

    /**
     * An exercise's own figures that {@link #CASE_FIELDS} does not name (a record component of
     * {@link CaseSummary} added with a new exercise): each number in it gets a key of its own, named
     * and formatted by its field's name as in {@link #named} ({@code highWater}, {@code stage1PerSecond}),
     * so that a new exercise's figures have keys without an edit here.
     */
    private void exerciseOwnFigures(CaseSummary s, String prefix, String producer, String runs) {
        for (var component : CaseSummary.class.getRecordComponents()) {
            if (!component.getType().isRecord() || NAMED_FIELD_BY_FIELD.contains(component.getType())) {
                continue;
            }
            Object figures = read(component, s);
            if (figures == null) {
                continue;
            }
            for (var field : component.getType().getRecordComponents()) {
                if (read(field, figures) instanceof Number number) {
                    JsonNode value = number instanceof Double || number instanceof Float
                            ? Json.FILE.getNodeFactory().numberNode(number.doubleValue())
                            : Json.FILE.getNodeFactory().numberNode(number.longValue());
                    Named named = named(field.getName(), value);
                    String key = prefix + named.key();
                    if (!figures().containsKey(key)) {
                        put(key, named.figure(), producer + ": " + component.getName() + "." + field.getName() + " (" + runs + ")");
                    }
                }
            }
        }
    }

    private static Object read(java.lang.reflect.RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    private static List<List<String>> rows(Results results, String caseId) {
        List<List<String>> rows = new ArrayList<>();
        for (ParadigmInfo paradigm : results.paradigms()) {
            CaseSummary s = results.find(paradigm.name(), caseId);
            if (s != null) {
                rows.add(Tables.row(s));
            }
        }
        return rows;
    }

    private void exhibitionRules(Headline.Exhibition e) {
        String by = "the exhibition's request (24 boards, the talk's move times), by its rules: computed, not timed";
        put("case.exhibition.rules.sequentialHours",
                figure(String.format(Locale.ROOT, "%.1f h", e.idealSequentialHours()), e.idealSequentialHours(), "h"),
                by + "; game after game");
        put("case.exhibition.rules.concurrentHours",
                figure(String.format(Locale.ROOT, "%.2f h", e.idealConcurrentHours()), e.idealConcurrentHours(), "h"),
                by + "; every board at once, a master who never waits");
        put("case.exhibition.rules.ratio", figure(String.format(Locale.ROOT, "%.1f", e.idealRatio()), e.idealRatio(), ""),
                by + "; the two above divided");
    }

    private void comparison(ComparisonTable table) {
        table("table.comparison", Tables.markdown(Tables.comparisonHeader(table), Tables.comparisonRows(table)),
                "compare: the comparison table, each row from the case it names");
        for (ComparisonTable.Row row : table.rows()) {
            String rowKey = row.question().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            for (ComparisonTable.Cell cell : row.cells()) {
                put("comparison." + rowKey + "." + cell.paradigm(), figure(cell.text(), null, ""),
                        "compare: the comparison table's \"" + row.question() + "\" row, from " + row.measuredBy());
            }
        }
    }

    private void startups(Results results) {
        List<List<String>> rows = new ArrayList<>();
        for (ParadigmInfo p : results.paradigms()) {
            ComparisonTable.Cell cell = ComparisonTable.startup(p, results.startups());
            Startup s = results.startups().stream().filter(x -> x.paradigm().equals(p.name())).findFirst().orElse(null);
            String by = "compare: the wall time of " + p.name() + "'s startResources() in its child JVM, before its first case";
            if (s != null && s.keeps() && s.failure() == null) {
                put("startup." + p.name(), figure(Format.millis(s.millis()), s.millis(), "ms"), by);
                put("startup." + p.name() + ".what", figure(s.started(), null, ""), by + ": what it started, in its own words");
            } else {
                put("startup." + p.name(), figure(cell.verdict() == null ? cell.text() : cell.verdict(), null, ""), by);
            }
            rows.add(List.of(p.name(), cell.text()));
        }
        table("table.startup", Tables.markdown(List.of("paradigm", "start-up"), rows),
                "compare: each paradigm's startResources(), measured apart from the cases");
    }

    /**
     * The {@code --bench} figures, from {@code results.json}'s {@code benchmarks} object: each
     * benchmark's numeric figures, and for a list of per-paradigm records (http's clients) each
     * paradigm's.
     */
    void benchmarks(JsonNode benchmarks) {
        if (benchmarks == null) {
            return;
        }
        for (var entry : benchmarks.properties()) {
            JsonNode run = entry.getValue();
            // The key's part: the benchmark's own choice where it made one (ready-queue: readyQueue), else its name.
            String name = run.path("key").asText(entry.getKey());
            JsonNode figures = run.get("figures");
            if (figures == null) {
                continue;
            }
            String producer = "compare --bench " + entry.getKey() + " (median of " + run.path("repeats").asInt() + " runs after "
                    + run.path("warmups").asInt() + " warm-ups)";
            List<List<String>> scalarRows = new ArrayList<>();
            for (var field : figures.properties()) {
                JsonNode value = field.getValue();
                if (value.isNumber()) {
                    Named named = named(field.getKey(), value);
                    put("bench." + name + "." + named.key(), named.figure(), producer + ": " + field.getKey());
                    scalarRows.add(List.of(named.key(), named.figure().text()));
                } else if (value.isArray() && !value.isEmpty() && (value.get(0).has("paradigm") || value.get(0).has("variant"))) {
                    // Per-paradigm records are the benchmark's main table; a list of variants, a table of its own.
                    perParadigm(name, producer, value, value.get(0).has("paradigm") ? "table.bench." + name
                            : "table.bench." + name + "." + field.getKey());
                }
            }
            if (!scalarRows.isEmpty() && !tables.containsKey("table.bench." + name)) {
                table("table.bench." + name, Tables.markdown(List.of("figure", "value"), scalarRows), producer);
            }
        }
    }

    private void perParadigm(String name, String producer, JsonNode records, String tableKey) {
        // The columns: every numeric field any record has, in first-seen order (a goal only some paradigms have included).
        List<String> fields = new ArrayList<>();
        for (JsonNode record : records) {
            record.properties().forEach(f -> {
                if (f.getValue().isNumber() && !fields.contains(f.getKey())) {
                    fields.add(f.getKey());
                }
            });
        }
        List<String> header = new ArrayList<>();
        String idField = records.get(0).has("paradigm") ? "paradigm" : "variant";
        header.add(idField);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode record : records) {
            String paradigm = record.get(idField).asText();
            List<String> row = new ArrayList<>();
            row.add(paradigm);
            for (String field : fields) {
                JsonNode value = record.get(field);
                Named named = named(field, value == null || !value.isNumber() ? null : value);
                if (rows.isEmpty()) {
                    header.add(named.key());
                }
                if (named.figure() == null) {
                    row.add("—");
                    continue;
                }
                put("bench." + name + "." + paradigm + "." + named.key(), named.figure(), field.equals("goal")
                        ? "compare --bench " + name + ", " + paradigm + ": the course's goal for this ratio (a setting, not a measurement)"
                        : producer + ", " + paradigm + ": " + field);
                row.add(named.figure().text());
            }
            rows.add(row);
        }
        table(tableKey, Tables.markdown(header, rows), producer + ": per " + idField);
    }

    private record Named(String key, Reference.Figure figure) {
    }

    /** A field of results.json as a key part and a figure: the unit read from the name ({@code wallMillis}: ms). */
    static Named named(String field, JsonNode value) {
        if (value == null) {
            return new Named(field.replace("Millis", "").replace("Micros", "").replace("Kib", "").replace("Bytes", ""), null);
        }
        double v = value.asDouble();
        if (field.contains("Millis")) {
            return new Named(field.replace("Millis", ""), figure(Format.millis(v), v, "ms"));
        }
        if (field.contains("Micros")) {
            // A millisecond and more reads in milliseconds (a resume latency of "2.00 s", not "2,004,516 µs").
            return new Named(field.replace("Micros", ""), figure(v < 1_000 ? small(v) + " µs" : Format.millis(v / 1_000), v, "µs"));
        }
        if (field.endsWith("Bytes")) {
            return new Named(field.replace("Bytes", ""), figure(Format.bytes(v), v, "B"));
        }
        if (field.contains("Kib")) {
            return new Named(field.replace("Kib", ""), figure(small(v) + " KiB", v, "KiB"));
        }
        if (field.startsWith("ratio") || field.equals("goal")) {
            return new Named(field, figure(Format.times(v), v, "×"));
        }
        if (field.endsWith("PerSecond")) {
            return new Named(field, figure(Format.count(Math.round(v)) + "/s", v, "/s"));
        }
        if (field.endsWith("Cores")) {
            return new Named(field, figure(Format.decimal(v, 2), v, "cores"));
        }
        if (value.isIntegralNumber()) {
            return new Named(field, figure(Format.count(value.asLong()), v, ""));
        }
        return new Named(field, figure(small(v), v, ""));
    }

    /** Three significant digits or so: "0.57", "12.4", "1,234". */
    static String small(double v) {
        double a = Math.abs(v);
        if (a < 10) {
            return Format.decimal(v, 2);
        }
        if (a < 100) {
            return Format.decimal(v, 1);
        }
        return Format.count(Math.round(v));
    }

    /**
     * JMH's scores, from its JSON result (an array of runs): {@code jmh.<Benchmark>.<method>},
     * the benchmark named by its class inside {@code paradigms.compare.jmh} (a nested class with
     * its outer one, {@code LockCost.Contended}), a parameterised one with its parameters' values.
     */
    void jmh(JsonNode runs, String settings) {
        if (runs == null || !runs.isArray()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode run : runs) {
            String benchmark = run.path("benchmark").asText().replaceFirst("^paradigms\\.compare\\.jmh\\.", "");
            StringBuilder key = new StringBuilder("jmh.").append(benchmark);
            List<String> params = new ArrayList<>();
            run.path("params").properties().forEach(p -> {
                key.append('.').append(p.getValue().asText());
                params.add(p.getKey() + "=" + p.getValue().asText());
            });
            JsonNode metric = run.path("primaryMetric");
            double score = metric.path("score").asDouble();
            double error = metric.path("scoreError").asDouble();
            String unit = metric.path("scoreUnit").asText().replace("/op", "");
            String text = small(score) + " " + unit;
            put(key.toString(), figure(text, score, unit), "JMH " + benchmark + (params.isEmpty() ? "" : " " + params)
                    + ": average time per operation (" + settings + ")");
            rows.add(List.of(benchmark, String.join(", ", params), text,
                    Double.isNaN(error) ? "—" : "± " + small(error), key.toString()));
        }
        if (!rows.isEmpty()) {
            table("table.jmh", Tables.markdown(List.of("benchmark", "parameters", "time per operation", "error (99.9 %)", "key"), rows),
                    "JMH, paradigms.compare.jmh (" + settings + ")");
        }
    }

    /** Other systems' figures: quoted with their source, never measured here, never in a measured table. */
    void quoted() {
        for (Quoted q : Quoted.ALL) {
            put(q.key(), new Reference.Figure(q.text(), null, "", null, q.link()), "quoted from " + q.source() + ", not measured here");
        }
    }

    /** A figure of another system, as its source reports it. */
    record Quoted(String key, String text, String source, String link) {

        static final String PAWELMHM = "pawelmhm (Paweł Miech), \"Making 1 million requests with python-aiohttp\"";
        static final String PAWELMHM_LINK = "https://pawelmhm.github.io/asyncio/python/aiohttp/2016/04/22/asyncio-aiohttp.html";
        static final String GRINBERG = "Miguel Grinberg, \"Asynchronous Python for the Complete Beginner\", PyCon 2017";
        static final String GRINBERG_LINK = "https://www.youtube.com/watch?v=iG6fr81xHKA";

        static final List<Quoted> ALL = List.of(
                new Quoted("quoted.aiohttp.million.wall", "9 min 5 s", PAWELMHM + ": a million requests with aiohttp, on its author's machine",
                        PAWELMHM_LINK),
                new Quoted("quoted.aiohttp.million.memory", "3.8 GB", PAWELMHM + ": the memory of that run", PAWELMHM_LINK),
                new Quoted("quoted.talk.exhibition.sequential", "12 hours", GRINBERG + ": the exhibition game after game", GRINBERG_LINK),
                new Quoted("quoted.talk.exhibition.concurrent", "1 hour", GRINBERG + ": the exhibition played at once", GRINBERG_LINK));
    }
}
