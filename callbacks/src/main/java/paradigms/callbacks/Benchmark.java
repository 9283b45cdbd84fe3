package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.db.PostgresFixture;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.measure.Measurement;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chapter's figures. The HTTP client against the course's {@link LocalWebServer} on
 * loopback, in this JVM (so client and server share the machine's cores — as in the tests);
 * then the squares and the exhibition. Each figure is the median of a few runs after a warm-up:
 * <ol>
 *   <li>throughput: N requests with no server delay, at most C = 100 in flight;</li>
 *   <li>waiting: 10,000 requests that each take 50 ms on the server, C = 1,000 — ideally
 *       10 rounds of 50 ms = 0.5 s;</li>
 *   <li>squares on the loop thread, and offloaded to worker threads;</li>
 *   <li>the exhibition on the loop's timers, in exhibition hours (ideal: 1.02 h);</li>
 *   <li>the heartbeat beside blocking JDBC queries, offloaded and naive (needs Docker).</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl callbacks -am compile exec:java -Dexec.mainClass=paradigms.callbacks.Benchmark}
 * (options: {@code -Dbench.requests=100000 -Dbench.repeats=5 -Dbench.size=2048}).
 */
public final class Benchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Benchmark() {
    }

    /** What one run did. */
    record Run(int requests, int failures, int connections, long loopCpuNanos, long ticks, Measurement cost) {
        double perSecond() {
            return requests / (cost.wall().toNanos() / 1e9);
        }

        /** CPU time of the loop thread — the client alone — per request. */
        double clientMicrosPerRequest() {
            return loopCpuNanos / 1e3 / requests;
        }
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 100_000);
        int repeats = Integer.getInteger("bench.repeats", 5);
        int size = Integer.getInteger("bench.size", LocalWebServer.DEFAULT_SIZE);
        System.out.printf("cores: %d; body: %d bytes; client and server in one JVM%n",
                Runtime.getRuntime().availableProcessors(), size);
        try (var server = LocalWebServer.builder().latency(Duration.ZERO).start()) {
            System.out.printf("%nthroughput: %,d requests, no server delay, C = 100%n", requests);
            run(server, requests / 5, 100, 0, size); // warm-up: JIT, connections, the server's threads
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                Run run = run(server, requests, 100, 0, size);
                runs.add(run);
                System.out.printf("  run %d: %,.0f requests/s, %d failures, %d connections; CPU: process %.2f cores, client %.1f µs/request; %.2f requests/tick%n",
                        i + 1, run.perSecond(), run.failures(), run.connections(), run.cost().coresUsed(), run.clientMicrosPerRequest(),
                        (double) run.requests() / run.ticks());
            }
            System.out.printf("  median: %,.0f requests/s%n", median(runs.stream().map(Run::perSecond).toList()));

            System.out.printf("%nwaiting: 10,000 requests of 50 ms, C = 1,000 (ideal 0.50 s)%n");
            run(server, 10_000, 1_000, 50, size); // warm-up
            server.resetCounters(); // so that each run's "max in flight" is its own, not the warm-up's
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                Run run = run(server, 10_000, 1_000, 50, size);
                double wall = run.cost().wall().toNanos() / 1e9;
                seconds.add(wall);
                System.out.printf("  run %d: %.3f s (%.2f × ideal), %d failures, server max in flight %d; CPU: process %.2f cores, client %.1f µs/request; %.2f requests/tick%n",
                        i + 1, wall, wall / 0.5, run.failures(), server.maxInFlight(), run.cost().coresUsed(), run.clientMicrosPerRequest(),
                        (double) run.requests() / run.ticks());
                server.resetCounters();
            }
            double median = median(seconds);
            System.out.printf("  median: %.3f s = %.2f × the ideal 0.5 s%n", median, median / 0.5);
        }
        squares(repeats);
        exhibition(Math.min(repeats, 3));
        blocking();
    }

    /** The heartbeat beside 8 JDBC queries of 300 ms (4 connections): offloaded, and naively on the loop. Needs Docker. */
    private static void blocking() throws Exception {
        System.out.printf("%nblocking: 8 queries of 300 ms, 4 connections, heartbeat every 10 ms%n");
        var unavailable = PostgresFixture.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("  skipped, no database: " + unavailable.get());
            return;
        }
        try (var postgres = PostgresFixture.start()) {
            var request = new BlockingRequest(postgres.database(), 8, Duration.ofMillis(300), 4, Duration.ofMillis(10));
            for (var queries : List.of(new Blocking(), new NaiveBlocking())) {
                queries.run(request, Trace.off()); // warm-up: JDBC driver, connections
                var measured = Meter.measure(() -> queries.run(request, Trace.off()));
                var heartbeat = measured.value().heartbeat();
                System.out.printf("  %-17s %.2f s, %d connections, heartbeat: %d ticks, largest gap %d ms%n",
                        queries.getClass().getSimpleName(), measured.measurement().wall().toNanos() / 1e9,
                        measured.value().connectionsUsed(), heartbeat.ticks(), heartbeat.largestGap().toMillis());
            }
        }
    }

    private static void squares(int repeats) throws Exception {
        System.out.printf("%nsquares, n = 5,000,000 … 5,000,019%n");
        for (var calculator : List.of(new Squares(), new OffloadedSquares())) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < repeats + 2; i++) { // the first two are warm-up
                var measured = Meter.measure(() -> calculator.compute(SquaresRequest.realPythonExample(), Trace.off()));
                if (i >= 2) {
                    millis.add(measured.measurement().wall().toNanos() / 1e6);
                }
            }
            System.out.printf("  %-17s median %.1f ms%n", calculator.getClass().getSimpleName(), median(millis));
        }
    }

    private static void exhibition(int repeats) throws Exception {
        var request = ExhibitionRequest.pyConExhibition(Duration.ofNanos(500_000));
        System.out.printf("%nexhibition: 24 boards, 30 move pairs, 1 exhibition second = 0.5 ms (ideal %d s = %.2f h)%n",
                request.concurrentSeconds(), request.concurrentSeconds() / 3600.0);
        List<Double> hours = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            hours.add(new Exhibition().play(request, Trace.off()).exhibitionHours());
        }
        double median = median(hours);
        System.out.printf("  median: %.2f exhibition hours (%.2f × ideal)%n", median, median * 3600 / request.concurrentSeconds());
    }

    /** {@code requests} GETs with at most {@code concurrency} in flight, on a fresh loop and client. */
    static Run run(LocalWebServer server, int requests, int concurrency, int delayMillis, int size) throws Exception {
        List<URI> urls = new ArrayList<>(1_000);
        for (int i = 0; i < 1_000; i++) {
            urls.add(server.url("/data/" + i + "?size=" + size + "&delay=" + delayMillis));
        }
        int[] failures = {0};
        int[] connections = {0};
        long[] loopCpu = {0};
        long[] ticks = {0};
        var measured = Meter.measure(() -> {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
                var permits = new Permits(loop, concurrency);
                for (int i = 0; i < requests; i++) {
                    URI url = urls.get(i % urls.size());
                    permits.acquire(() -> client.get(url, Duration.ofSeconds(30),
                            response -> permits.release(),
                            failure -> {
                                failures[0]++;
                                permits.release();
                            }));
                }
                loop.run();
                connections[0] = client.connectionsOpened();
                ticks[0] = loop.ticks();
            }
            loopCpu[0] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            return null;
        });
        return new Run(requests, failures[0], connections[0], loopCpu[0], ticks[0], measured.measurement());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
