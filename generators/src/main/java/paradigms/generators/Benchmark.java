package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.measure.Measurement;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;
import paradigms.generators.http.CoroutineHttpClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The chapter's figures, measured the way the callbacks chapter measures its own, so that the
 * two can be set side by side: the HTTP client against the course's {@link LocalWebServer}
 * on loopback, in this JVM (client and server share the machine's cores); then the squares,
 * the exhibition and the waiters. Each figure is the median of a few runs after a warm-up:
 * <ol>
 *   <li>throughput: N requests with no server delay, at most C = 100 in flight — a task per
 *       request, each taking a permit of a coroutine semaphore (the download exercise's
 *       shape, without the checksums);</li>
 *   <li>waiting: 10,000 requests that each take 50 ms on the server, C = 1,000 — ideally
 *       10 rounds of 50 ms = 0.5 s;</li>
 *   <li>squares on the loop thread;</li>
 *   <li>the exhibition, in exhibition hours (ideal: 1.02 h);</li>
 *   <li>waiters: 100,000 and 1,000,000 tasks sleeping 1 s, all at once — the time beyond the
 *       second, the peak heap, and the live heap per sleeping task.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl generators -am compile exec:java -Dexec.mainClass=paradigms.generators.Benchmark}
 * (options: {@code -Dbench.parts=client,squares,exhibition,waiters -Dbench.requests=100000
 * -Dbench.repeats=5 -Dbench.size=2048 -Dbench.waiters=100000,1000000}).
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
        int repeats = Integer.getInteger("bench.repeats", 5);
        Set<String> parts = Set.of(System.getProperty("bench.parts", "client,squares,exhibition,waiters").split(","));
        System.out.printf("cores: %d; max heap: %,d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (parts.contains("client")) {
            client(repeats);
        }
        if (parts.contains("squares")) {
            squares(repeats);
        }
        if (parts.contains("exhibition")) {
            exhibition(Math.min(repeats, 3));
        }
        if (parts.contains("waiters")) {
            for (String tasks : System.getProperty("bench.waiters", "100000,1000000").split(",")) {
                waiters(Integer.parseInt(tasks.strip()), Math.min(repeats, 3));
            }
        }
    }

    private static void client(int repeats) throws Exception {
        int requests = Integer.getInteger("bench.requests", 100_000);
        int size = Integer.getInteger("bench.size", LocalWebServer.DEFAULT_SIZE);
        System.out.printf("%nclient: body %d bytes; client and server in one JVM%n", size);
        try (var server = LocalWebServer.builder().latency(Duration.ZERO).start()) {
            System.out.printf("%nthroughput: %,d requests, no server delay, C = 100%n", requests);
            run(server, requests / 5, 100, 0, size); // warm-up: JIT, connections, the server's threads
            List<Double> perSecond = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                Run run = run(server, requests, 100, 0, size);
                perSecond.add(run.perSecond());
                System.out.printf("  run %d: %,.0f requests/s, %d failures, %d connections; CPU: process %.2f cores, client %.1f µs/request; %.2f requests/tick%n",
                        i + 1, run.perSecond(), run.failures(), run.connections(), run.cost().coresUsed(),
                        run.clientMicrosPerRequest(), (double) run.requests() / run.ticks());
            }
            System.out.printf("  median: %,.0f requests/s%n", median(perSecond));

            System.out.printf("%nwaiting: 10,000 requests of 50 ms, C = 1,000 (ideal 0.50 s)%n");
            run(server, 10_000, 1_000, 50, size); // warm-up
            server.resetCounters(); // so that each run's "max in flight" is its own, not the warm-up's
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                server.resetCounters();
                Run run = run(server, 10_000, 1_000, 50, size);
                double wall = run.cost().wall().toNanos() / 1e9;
                seconds.add(wall);
                System.out.printf("  run %d: %.3f s (%.2f × ideal), %d failures, server max in flight %d; CPU: process %.2f cores, client %.1f µs/request%n",
                        i + 1, wall, wall / 0.5, run.failures(), server.maxInFlight(), run.cost().coresUsed(), run.clientMicrosPerRequest());
            }
            double median = median(seconds);
            System.out.printf("  median: %.3f s = %.2f × the ideal 0.5 s%n", median, median / 0.5);
        }
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
            try (var loop = new EventLoop()) {
                var scheduler = new Scheduler(loop);
                try (var client = new CoroutineHttpClient(scheduler)) {
                    var permits = new Semaphore(scheduler, "requests in flight", concurrency);
                    List<Succeeded> gets = new ArrayList<>(requests);
                    for (int i = 0; i < requests; i++) {
                        gets.add(new Succeeded(new LimitedGet(client, permits, urls.get(i % urls.size()), Duration.ofSeconds(30))));
                    }
                    List<Boolean> outcomes = scheduler.run(new Gather<>(scheduler, requests + " requests", gets));
                    failures[0] = (int) outcomes.stream().filter(ok -> !ok).count();
                    connections[0] = client.connectionsOpened();
                    ticks[0] = scheduler.ticks();
                }
            }
            loopCpu[0] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
            return null;
        });
        return new Run(requests, failures[0], connections[0], loopCpu[0], ticks[0], measured.measurement());
    }

    /** {@code try: yield from get; return True except Exception: return False}. */
    static final class Succeeded extends Coroutine<Boolean> {
        private final LimitedGet get;
        private boolean started;

        Succeeded(LimitedGet get) {
            this.get = get;
        }

        @Override
        protected Step<Boolean> resume(Object sent) {
            if (!started) {
                started = true;
                return yieldFrom(get);
            }
            return returning(true);
        }

        @Override
        protected Step<Boolean> resumeThrowing(Exception thrown) throws Exception {
            if (thrown instanceof java.util.concurrent.CancellationException) {
                throw thrown;
            }
            return returning(false);
        }

        @Override
        public String state() {
            return started ? "FETCHING" : "START";
        }
    }

    private static void squares(int repeats) throws Exception {
        System.out.printf("%nsquares on the loop thread, n = 5,000,000 … 5,000,019%n");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeats + 2; i++) { // the first two are warm-up
            var measured = Meter.measure(() -> new Squares().compute(SquaresRequest.realPythonExample(), Trace.off()));
            if (i >= 2) {
                millis.add(measured.measurement().wall().toNanos() / 1e6);
            }
        }
        System.out.printf("  median %.1f ms%n", median(millis));
    }

    private static void exhibition(int repeats) {
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

    /**
     * N tasks sleeping 1 s each ({@link Waiters}, the {@code waiters} exercise): the time beyond
     * the second — making, starting, waking and ending N tasks — and the peak heap above the
     * heap in use before (after a full GC), garbage included, as the course's main job reports
     * it. Then one more run for the <em>live</em> heap per waiting task: a {@link HeapProbe}
     * coroutine on the same loop forces a full GC and reads the heap at the first moment every
     * task is asleep.
     */
    private static void waiters(int tasks, int repeats) throws Exception {
        var sleepers = new Waiters();
        System.out.printf("%nwaiters: %,d tasks sleeping 1 s each%n", tasks);
        sleepers.await(new WaitersRequest(Math.min(tasks, 100_000), Duration.ofMillis(100)), Trace.off()); // warm-up
        List<Double> beyond = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            System.gc();
            long before = heapInUse();
            var measured = Meter.measure(() -> sleepers.await(new WaitersRequest(tasks, Duration.ofSeconds(1)), Trace.off()));
            WaitersResult result = measured.value();
            double wall = measured.measurement().wall().toNanos() / 1e9;
            long peakAbove = measured.measurement().peakHeapBytes() - before;
            beyond.add(wall - 1);
            System.out.printf("  run %d: %.2f s (%.2f s beyond the wait); %,d completed, %d early, %,d waiting at once;"
                            + " peak heap %,d MiB above before (%,d bytes/task); CPU %.2f cores; %d threads at most%n",
                    i + 1, wall, wall - 1, result.completed(), result.early(), result.maxWaitingAtOnce(), peakAbove >> 20,
                    peakAbove / tasks, measured.measurement().coresUsed(), measured.measurement().peakThreads());
        }
        System.out.printf("  median: %.2f s beyond the wait%n", median(beyond));

        // The live heap: the same gather, under a probe that measures once every task sleeps.
        System.gc();
        long before = heapInUse();
        var tally = new WaitTally(Duration.ofSeconds(1));
        long live;
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            live = scheduler.run(new HeapProbe(scheduler, Waiters.all(scheduler, tally, new WaitersRequest(tasks, Duration.ofSeconds(1)))));
        }
        long perTask = (live - before) / tasks;
        System.out.printf("  live heap while all %,d sleep: %,d MiB above before = %,d bytes per sleeping task (%,d of them"
                        + " completed); %,d MiB of heap would hold %,d such tasks%n",
                tasks, (live - before) >> 20, perTask, tally.result().completed(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().maxMemory() / Math.max(1, perTask));
    }

    /**
     * Runs {@code gather} in a task of its own, then measures the heap in use (after a full GC)
     * at the first moment every gathered task is asleep, and returns it once they have all
     * woken. When that moment is, the ticks tell: the gather spawns its tasks in its first
     * step (tick 2), they run their first steps — to their sleeps — in tick 3, and this probe,
     * having passed its turn twice, runs right after them in tick 3.
     * <pre>
     * START     -> PASSED:    spawn the gather's task; pass
     * PASSED    -> MEASURING: pass again
     * MEASURING -> JOINING:   every task sleeps now: GC, read the heap; wait for the gather
     * JOINING   -> DONE:      return the heap measured
     * </pre>
     */
    static final class HeapProbe extends Coroutine<Long> {
        private enum State { START, PASSED, MEASURING, JOINING }

        private final Scheduler scheduler;
        private final Gather<?> gather;
        private State state = State.START;
        private Task<?> gathering;
        private long heap;

        HeapProbe(Scheduler scheduler, Gather<?> gather) {
            this.scheduler = scheduler;
            this.gather = gather;
        }

        @Override
        protected Step<Long> resume(Object sent) {
            switch (state) {
                case START -> {
                    gathering = scheduler.spawn(gather);
                    state = State.PASSED;
                    return pass();
                }
                case PASSED -> {
                    state = State.MEASURING;
                    return pass();
                }
                case MEASURING -> {
                    System.gc(); // the loop thread stops for it: the tasks' timers simply fire a little late
                    heap = heapInUse();
                    state = State.JOINING;
                    return resultOf(gathering);
                }
                default -> {
                    return returning(heap);
                }
            }
        }

        @Override
        public String state() {
            return state.name();
        }
    }

    private static long heapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
