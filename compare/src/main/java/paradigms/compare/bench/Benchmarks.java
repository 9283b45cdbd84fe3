package paradigms.compare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compare's measuring harness for figures that are not a case of the main job: {@code --bench NAME}.
 *
 * <p>Each benchmark ({@link Benchmark}) measures with the one {@link Policy} (warm-ups, repeats,
 * the median) and its figures go into the main job's {@code results.json}, under
 * {@code benchmarks.NAME}, beside the machine and the command that produced them: a later step
 * fills README figures from that file. A run of the main job keeps what is there
 * ({@link #keepFrom}); a benchmark run keeps the main job's part.
 */
public final class Benchmarks {

    /** The key in {@code results.json}. */
    public static final String KEY = "benchmarks";

    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        for (Benchmark b : List.of(new HttpClients(), new ThreadCost(), new ServerCost(), new PoolCost(), new ReadyQueue())) {
            ALL.put(b.name(), b);
        }
    }

    private static final ObjectMapper FILE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmarks() {
    }

    /** The charts the benchmarks draw into the output folder's {@code charts/}, where they ran. */
    public static List<String> charts() {
        return List.of(ReadyQueue.CHART);
    }

    /** The names {@code --bench} accepts, in the order they run. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * Runs the named benchmarks in the order of {@link #names()} and writes their figures into
     * {@code outDir/results.json}.
     *
     * @param paradigms the paradigms asked for (empty: each benchmark's own choice)
     * @param arguments the command line, recorded beside the figures
     * @throws IllegalArgumentException for an unknown name, before anything runs
     */
    public static void run(List<String> names, boolean full, List<String> paradigms, Path outDir, List<String> arguments,
                           PrintStream out) throws Exception {
        for (String name : names) {
            if (!ALL.containsKey(name)) {
                throw new IllegalArgumentException("unknown benchmark \"" + name + "\" (known: " + String.join(", ", names()) + ")");
            }
        }
        Files.createDirectories(outDir);
        Policy policy = full ? Policy.FULL : Policy.QUICK;
        var context = new Benchmark.Context(full, policy, out, outDir, List.copyOf(paradigms));
        for (Benchmark benchmark : ALL.values()) {
            if (!names.contains(benchmark.name())) {
                continue;
            }
            out.printf("%n== %s: %s (warm-up runs: %d, measured: %d, median)%n", benchmark.name(), benchmark.description(),
                    policy.warmups(), policy.repeats());
            String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Object figures = benchmark.run(context);
            ObjectNode entry = FILE.createObjectNode();
            entry.put("startedAt", startedAt);
            entry.put("key", benchmark.figureKey());
            entry.putPOJO("arguments", arguments);
            entry.put("mode", full ? "full" : "quick");
            entry.put("cores", Runtime.getRuntime().availableProcessors());
            entry.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            entry.put("loadAverageBefore", loadBefore);
            entry.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            entry.put("warmups", policy.warmups());
            entry.put("repeats", policy.repeats());
            entry.set("figures", FILE.valueToTree(figures));
            write(outDir.resolve("results.json"), benchmark.name(), entry);
        }
        out.printf("%nfigures written to %s (under \"%s\")%n", outDir.resolve("results.json"), KEY);
    }

    /** Puts {@code entry} under {@code benchmarks.name} of the file, keeping everything else in it. */
    static void write(Path file, String name, ObjectNode entry) throws IOException {
        ObjectNode root = Files.exists(file) && FILE.readTree(file.toFile()) instanceof ObjectNode existing
                ? existing : FILE.createObjectNode();
        root.withObjectProperty(KEY).set(name, entry);
        FILE.writeValue(file.toFile(), root);
    }

    /**
     * For the main job, before it rewrites {@code file}: copies the benchmarks' figures found in it
     * into {@code results} (the main job's new tree), so that one command's figures do not erase
     * the other's.
     */
    public static void keepFrom(Path file, ObjectNode results) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode old;
        try {
            old = FILE.readTree(file.toFile());
        } catch (IOException unreadable) {
            return; // a results file cut short by a crashed run: nothing worth keeping
        }
        if (old != null && old.get(KEY) instanceof ObjectNode benchmarks) {
            results.set(KEY, benchmarks);
        }
    }
}
