package paradigms.compare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import paradigms.common.ClassPath;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;
import paradigms.common.server.LocalWebServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code --bench http}: the course's three HTTP clients side by side, each driven by a paradigm's
 * {@code download} exercise, against one {@link LocalWebServer} in this JVM.
 *
 * <ol>
 *   <li><b>Waiting</b>: 10,000 URLs answered after 50 ms each, at most 1,000 in flight
 *       ({@code --full}: 1,000,000 URLs). Ideal: ⌈N / C⌉ × 50 ms, 0.5 s for 10,000. Reported: the
 *       median wall time, its ratio to callbacks' (the hand-built loop client, the reference) and
 *       to the ideal, and the server's largest number of requests in flight. The course's goals —
 *       greenlets within 1.5× of callbacks (1.3× with a million), threading within 2.5× — are
 *       printed as met or not; they are goals, not assertions.</li>
 *   <li><b>CPU per request</b>: 20,000 URLs answered at once ({@code --full}: 100,000), at most
 *       100 in flight: the client JVM's process CPU time over the measured runs, per request.
 *       Without latency the client works all the time, so its cost per request is what is left.</li>
 * </ol>
 *
 * <p>Each paradigm's client runs in fresh child JVMs ({@link HttpClientMain}), warm: its kept
 * resources started and warm-up runs first. The CPU part runs in one JVM per paradigm, all its
 * repeats there; the waiting part in rounds — every paradigm once per round, a fresh JVM each
 * time — so that load from elsewhere hits all of them alike; each figure is the median. The
 * server's CPU is not in any figure (it runs here, in the parent).
 */
final class HttpClients implements Benchmark {

    /** The paradigm every ratio is taken against: the hand-built client on the event loop. */
    static final String REFERENCE = "callbacks";

    /** The default paradigms, and which client each drives (names only: compare names no chapter class). */
    static final Map<String, String> CLIENTS = new LinkedHashMap<>();

    static {
        CLIENTS.put("callbacks", "the codec on the event loop (callbacks)");
        CLIENTS.put("generators", "the codec on the event loop (coroutine steps)");
        CLIENTS.put("greenlets", "the codec on a blocking socket (virtual threads)");
        CLIENTS.put("threading", "the codec on a blocking socket (platform threads)");
        CLIENTS.put("async-await", "the JDK HttpClient (sendAsync)");
        CLIENTS.put("multiprocessing", "the codec on a blocking socket, in worker JVMs (their CPU is not counted)");
    }

    /** Goals from the course, as ratios to {@link #REFERENCE}'s wall time; printed, never asserted. */
    private static final Map<String, Double> GOALS_QUICK = Map.of("greenlets", 1.5, "threading", 2.5);
    private static final Map<String, Double> GOALS_FULL = Map.of("greenlets", 1.3);

    private static final int BODY_BYTES = 256;
    private static final int LATENCY_MILLIS = 50;
    private static final int WAIT_IN_FLIGHT = 1_000;
    private static final int CPU_IN_FLIGHT = 100;

    /**
     * One paradigm's figures; a null figure was not measured (see {@code problem}).
     *
     * @param wallMillis         median wall time of the waiting part
     * @param ratioToReference   wall ÷ callbacks' wall
     * @param ratioToIdeal       wall ÷ the ideal
     * @param maxInFlight        the most requests the server saw in flight at once during the waiting part
     * @param goal               the course's goal for wall ÷ callbacks', if it has one
     * @param cpuMicrosPerRequest median process CPU per request of the client JVM, no latency, C = 100
     * @param waitingCpuMicrosPerRequest the same during the waiting part
     */
    record ClientFigures(String paradigm, String client, Double wallMillis, Double ratioToReference, Double ratioToIdeal,
                         Integer maxInFlight, Double goal, Boolean goalMet, Double cpuMicrosPerRequest,
                         Double waitingCpuMicrosPerRequest, String problem) {
    }

    /**
     * @param warmups     warm-up runs in each client JVM before it measures
     * @param repeats     measured runs of the CPU part, in one JVM per paradigm
     * @param waitRounds  rounds of the waiting part: in each, every paradigm once, in a fresh JVM
     */
    record Figures(int waitingRequests, int waitingInFlight, int latencyMillis, double idealMillis, int cpuRequests,
                   int cpuInFlight, int bodyBytes, int warmups, int repeats, int waitRounds, List<ClientFigures> clients) {
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "the three HTTP clients side by side: 10,000 requests x 50 ms at 1,000 in flight (--full: 1,000,000), "
                + "and CPU per request";
    }

    @Override
    public Figures run(Context context) throws Exception {
        boolean full = context.full();
        int waiting = full ? 1_000_000 : 10_000;
        int cpuRequests = full ? 100_000 : 20_000;
        // A million requests take a minute or two a run: in --full the waiting part runs one round,
        // after one warm-up run of its own size.
        int waitWarmups = full ? 1 : context.policy().warmups();
        int waitRounds = full ? 1 : context.policy().repeats();
        double ideal = Math.ceilDiv(waiting, WAIT_IN_FLIGHT) * (double) LATENCY_MILLIS;
        Map<String, Double> goals = full ? GOALS_FULL : GOALS_QUICK;
        List<String> chosen = chosen(context.paradigms());
        Path logs = Files.createDirectories(context.outDir().resolve("logs"));

        context.out().printf(Locale.ROOT, "  waiting: %,d URLs x %d ms, at most %,d in flight (ideal %.0f ms); CPU: %,d URLs, no latency, at most %d%n",
                waiting, LATENCY_MILLIS, WAIT_IN_FLIGHT, ideal, cpuRequests, CPU_IN_FLIGHT);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        chosen.forEach(p -> tallies.put(p, new Tally()));
        try (var server = LocalWebServer.builder().start()) {
            String base = "http://127.0.0.1:" + server.port();
            String heap = full ? "-Xmx8g" : "-Xmx1g";
            // CPU first, a JVM per paradigm: its warm-ups also warm the server for the waiting part.
            for (String paradigm : chosen) {
                Tally tally = tallies.get(paradigm);
                try {
                    tally.cpu = child(heap, log(logs, paradigm), paradigm, base, cpuRequests, CPU_IN_FLIGHT, 0,
                            context.policy().warmups(), context.policy().repeats());
                } catch (IOException | IllegalStateException failed) {
                    tally.problem = failed.getMessage();
                }
            }
            // Waiting, in rounds: each round runs every paradigm once, in a fresh JVM with its own
            // warm-ups, so that a burst of load from elsewhere hits all of them alike.
            for (int round = 0; round < waitRounds; round++) {
                for (String paradigm : chosen) {
                    Tally tally = tallies.get(paradigm);
                    if (tally.problem != null) {
                        continue;
                    }
                    server.resetCounters();
                    try {
                        var runs = child(heap, log(logs, paradigm), paradigm, base, waiting, WAIT_IN_FLIGHT, LATENCY_MILLIS,
                                waitWarmups, 1);
                        tally.wallMillis.addAll(runs.wallMillis());
                        tally.waitCpuMillis.addAll(runs.cpuMillis());
                        tally.maxInFlight = Math.max(tally.maxInFlight, server.maxInFlight());
                    } catch (IOException | IllegalStateException failed) {
                        tally.problem = failed.getMessage();
                    }
                }
                context.out().printf("  round %d of %d done%n", round + 1, waitRounds);
            }
        }

        Tally referenceTally = tallies.get(REFERENCE);
        Double reference = referenceTally == null || referenceTally.problem != null ? null : Policy.median(referenceTally.wallMillis);
        List<ClientFigures> clients = new ArrayList<>();
        tallies.forEach((paradigm, t) -> {
            String client = CLIENTS.getOrDefault(paradigm, "its own");
            Double goal = goals.get(paradigm);
            if (t.problem != null) {
                clients.add(new ClientFigures(paradigm, client, null, null, null, null, goal, null, null, null, t.problem));
                return;
            }
            double wall = Policy.median(t.wallMillis);
            Double ratio = reference == null ? null : wall / reference;
            clients.add(new ClientFigures(paradigm, client, wall, ratio, wall / ideal, t.maxInFlight, goal,
                    goal == null || ratio == null ? null : ratio <= goal,
                    Policy.median(t.cpu.cpuMillis()) * 1e3 / cpuRequests,
                    Policy.median(t.waitCpuMillis) * 1e3 / waiting, null));
        });
        print(context, clients);
        return new Figures(waiting, WAIT_IN_FLIGHT, LATENCY_MILLIS, ideal, cpuRequests, CPU_IN_FLIGHT, BODY_BYTES,
                context.policy().warmups(), context.policy().repeats(), waitRounds, clients);
    }

    /** What one paradigm's child JVMs reported; filled on the benchmark's thread only. */
    private static final class Tally {
        HttpClientMain.Runs cpu;
        final List<Double> wallMillis = new ArrayList<>();
        final List<Double> waitCpuMillis = new ArrayList<>();
        int maxInFlight;
        String problem;
    }

    private static Path log(Path logs, String paradigm) {
        return logs.resolve("bench-http-" + paradigm + ".log");
    }

    private static List<String> chosen(List<String> asked) {
        List<String> available = Paradigms.all().stream().map(Paradigm::name).toList();
        if (asked.isEmpty()) {
            // multiprocessing is left out unless asked for: it keeps at most a few dozen requests in
            // flight (a worker JVM each), so 10,000 × 50 ms would take minutes and say nothing new.
            return CLIENTS.keySet().stream().filter(available::contains).filter(p -> !p.equals("multiprocessing")).toList();
        }
        for (String name : asked) {
            if (!available.contains(name)) {
                throw new IllegalArgumentException("no paradigm \"" + name + "\" on the class path; available: " + available);
            }
        }
        List<String> ordered = new ArrayList<>(asked);
        if (!ordered.contains(REFERENCE) && available.contains(REFERENCE)) {
            ordered.addFirst(REFERENCE); // every ratio is taken against it
        }
        return ordered;
    }

    /** Runs {@link HttpClientMain} for one paradigm and part; its standard error goes to {@code log}. */
    private static HttpClientMain.Runs child(String heap, Path log, String paradigm, String base, int count, int inFlight,
                                             int delayMillis, int warmups, int repeats) throws IOException, InterruptedException {
        List<String> command = List.of(ClassPath.javaLauncher(), heap, "-cp", ClassPath.current(), HttpClientMain.class.getName(),
                paradigm, base, Integer.toString(count), Integer.toString(inFlight), Integer.toString(delayMillis),
                Integer.toString(BODY_BYTES), Integer.toString(warmups), Integer.toString(repeats));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            HttpClientMain.Runs runs = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(HttpClientMain.MARKER)) {
                    runs = new ObjectMapper().readValue(line.substring(HttpClientMain.MARKER.length()), HttpClientMain.Runs.class);
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || runs == null) {
                throw new IllegalStateException("its client JVM exited with " + exit + " (see " + log + ")");
            }
            return runs;
        } finally {
            if (process.isAlive() && !process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void print(Context context, List<ClientFigures> clients) {
        context.out().printf("  %-16s %10s %12s %10s %10s %16s %18s  %s%n",
                "paradigm", "wall", "÷ callbacks", "÷ ideal", "in flight", "CPU µs/request", "goal", "client");
        for (ClientFigures c : clients) {
            if (c.problem() != null) {
                context.out().printf("  %-16s not measured: %s%n", c.paradigm(), c.problem());
                continue;
            }
            String goal = c.goal() == null ? "" : String.format(Locale.ROOT, "≤ %.1f× %s", c.goal(),
                    c.goalMet() == null ? "?" : c.goalMet() ? "met" : "NOT met");
            context.out().printf(Locale.ROOT, "  %-16s %8.0f ms %11s %9.2f× %10d %16.1f %18s  %s%n",
                    c.paradigm(), c.wallMillis(), c.ratioToReference() == null ? "—" : String.format(Locale.ROOT, "%.2f×", c.ratioToReference()),
                    c.ratioToIdeal(), c.maxInFlight(), c.cpuMicrosPerRequest(), goal, c.client());
        }
    }
}
