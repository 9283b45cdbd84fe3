package paradigms.multiprocessing;

import paradigms.common.counter.CounterRequest;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.Ending;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.server.LocalWebServer;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersRequest;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * The chapter's measurements: what a worker costs to start, which JVM flags pay off, what
 * the squares gain from a second core, how far {@code waiters} goes, what a counter increment
 * through the parent costs, and how long cancelling takes. Prints a report; asserts nothing
 * (timings belong here, not in pass/fail tests).
 *
 * <p>Run it with {@code ./mvnw -q -pl multiprocessing -am compile exec:java -Dexec.args=benchmark};
 * {@code -Dexec.args="benchmark squares"} runs one section (startup, roundtrip, io, clients,
 * squares, exhibition, waiters, counter, cancel)
 * (the parent JVM is then Maven's own; the workers are fresh JVMs either way). Every figure is
 * a median over several runs, taken in interleaved rounds so that a burst of load from
 * elsewhere hits all the variants alike. Linux only for the memory figure ({@code /proc}).
 *
 * <p>Teaching shortcut: a hand-rolled harness, not JMH. Its figures are milliseconds of
 * wall time for whole operations, where JMH's care for nanoseconds would add nothing.
 */
final class Benchmark {

    private static final int ROUNDS = Integer.getInteger("rounds", 11);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("machine: %d cores, load average %s; JDK %s; %d rounds, medians%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version(), ROUNDS);
        List<String> sections = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("startup", "roundtrip", "io", "clients", "squares", "exhibition", "waiters", "counter", "cancel");
        if (sections.contains("startup")) {
            startup();
        }
        if (sections.contains("roundtrip")) {
            roundTrip();
        }
        if (sections.contains("io")) {
            firstRequests();
            flagsForIo();
        }
        if (sections.contains("squares")) {
            squares();
            coresUsed();
        }
        if (sections.contains("clients")) {
            httpClients();
        }
        if (sections.contains("exhibition")) {
            exhibition();
        }
        if (sections.contains("waiters")) {
            waiters();
        }
        if (sections.contains("counter")) {
            counter();
        }
        if (sections.contains("cancel")) {
            cancel();
        }
        System.out.printf("%nload average at the end: %s%n", loadAverage());
    }

    // ---------------------------------------------------------------- start-up and flags

    private static final String COMPUTING = "computing: " + String.join(" ", WorkerCommand.COMPUTING_FLAGS);
    private static final String WAITING = "waiting: computing + -XX:TieredStopAtLevel=1";
    private static final Map<String, List<String>> FLAG_SETS = new LinkedHashMap<>();

    static {
        FLAG_SETS.put("JVM defaults", List.of());
        FLAG_SETS.put("-Xshare:off (no class data sharing)", List.of("-Xshare:off"));
        FLAG_SETS.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
        FLAG_SETS.put("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC"));
        FLAG_SETS.put(COMPUTING, WorkerCommand.COMPUTING_FLAGS);
        FLAG_SETS.put(WAITING, WorkerCommand.WAITING_FLAGS);
    }

    private static WorkerCommand command(List<String> flags) {
        return Workers.command().withFlags(flags);
    }

    /** Pool of 1 and of 2 ready, per flag set; and what one idle worker holds in memory and has used in CPU. */
    private static void startup() {
        System.out.printf("%n== start-up: from start() to every worker's \"ready\" (ms), idle worker's RSS and CPU   [load %s]%n", loadAverage());
        Workers.start(2).close(); // warm the parent's own process-spawning code
        Map<String, List<Long>> one = new LinkedHashMap<>();
        Map<String, List<Long>> two = new LinkedHashMap<>();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (var set : FLAG_SETS.entrySet()) {
                try (var pool = ProcessPool.builder().size(1).command(command(set.getValue())).start()) {
                    one.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(pool.startupTime().toNanos());
                }
                try (var pool = ProcessPool.builder().size(2).command(command(set.getValue())).start()) {
                    two.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(pool.startupTime().toNanos());
                    long pid = pool.workers().getFirst().child().pid();
                    rss.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(residentKiB(pid));
                    cpu.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(cpuNanos(pid));
                }
            }
        }
        System.out.printf("%-50s %12s %12s %14s %12s%n", "flags", "pool of 1", "pool of 2", "RSS of one", "CPU of one");
        for (String key : FLAG_SETS.keySet()) {
            System.out.printf("%-50s %9.1f ms %9.1f ms %10.1f MiB %9.1f ms%n", key, millis(median(one.get(key))),
                    millis(median(two.get(key))), median(rss.get(key)) / 1024.0, millis(median(cpu.get(key))));
        }
    }

    /** What one job costs in the protocol alone: an empty "think" on a warm worker, there and back. */
    private static void roundTrip() throws Exception {
        System.out.printf("%n== round trip of an empty job (think 0 ns) on one warm worker   [load %s]%n", loadAverage());
        try (var pool = Workers.pool().size(1).forWaiting().start()) {
            var job = new Exhibition.ThinkJob(0, 0, Duration.ZERO);
            for (int i = 0; i < 2_000; i++) {
                pool.map(List.of(job), Trace.off());
            }
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                times.add(timedInterruptibly(() -> pool.map(List.of(job), Trace.off())));
            }
            Collections.sort(times);
            System.out.printf("median %.3f ms, 90th percentile %.3f ms%n", millis(times.get(500)), millis(times.get(900)));
        }
    }

    /** A fresh worker's first downloads, from the spans it reports: the first one warms up its HTTP stack. */
    private static void firstRequests() throws Exception {
        System.out.printf("%n== a fresh I/O worker's first four downloads (ms, from its spans)   [load %s]%n", loadAverage());
        try (var server = LocalWebServer.start()) {
            for (int round = 0; round < 3; round++) {
                try (var pool = Workers.pool().size(1).forWaiting().start()) {
                    Trace trace = Trace.recording();
                    for (int i = 0; i < 4; i++) {
                        pool.map(List.of(new Download.DownloadJob(server.url("/data/r" + round + "n" + i),
                                DownloadRequest.DEFAULT_TIMEOUT)), trace);
                    }
                    System.out.printf("round %d: %s%n", round + 1,
                            trace.spans().stream().map(span -> String.format("%.1f", span.durationMicros() / 1e3)).toList());
                }
            }
        }
    }

    /** CPU that a worker spends on 40 downloads, by flag set: for I/O the JIT's work is mostly overhead. */
    private static void flagsForIo() throws Exception {
        System.out.printf("%n== I/O worker: 2 workers download 40 URLs (2 ms latency); wall time and CPU per worker   [load %s]%n", loadAverage());
        List<String> keys = List.of(COMPUTING, WAITING);
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(2)).start()) {
            List<URI> urls = IntStream.range(0, 40).mapToObj(i -> server.url("/data/" + i)).toList();
            var request = new DownloadRequest(urls, 2);
            for (int round = 0; round < Math.max(3, ROUNDS / 2); round++) {
                for (String key : keys) {
                    try (var pool = ProcessPool.builder().size(2).command(command(FLAG_SETS.get(key))).start()) {
                        long started = System.nanoTime();
                        List<DownloadResult> results = pool.map(request.urls().stream()
                                .map(url -> new Download.DownloadJob(url, request.timeout())).toList(), Trace.off());
                        wall.computeIfAbsent(key, k -> new ArrayList<>()).add(System.nanoTime() - started);
                        check(results.size() == 40, "40 results");
                        cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(cpuNanos(pool.workers().getFirst().child().pid()));
                    }
                }
            }
        }
        for (String key : keys) {
            System.out.printf("%-50s %9.1f ms wall (after start-up) %9.1f ms CPU per worker (start-up included)%n",
                    key, millis(median(wall.get(key))), millis(median(cpu.get(key))));
        }
    }

    // ---------------------------------------------------------------- squares

    private static void squares() throws Exception {
        System.out.printf("%n== squares, Real Python's 20 n's (5,000,000 … 5,000,019)   [load %s]%n", loadAverage());
        var request = SquaresRequest.realPythonExample();
        LongSupplier sequential = () -> timed(() -> request.ns().forEach(SumOfSquares::below));
        for (int i = 0; i < 10; i++) {
            sequential.getAsLong(); // warm this JVM's JIT, as the baseline's "warm" figure assumes
        }
        LongSupplier twoThreads = () -> timed(() -> {
            // The ceiling to compare with: the same split on two threads of this JVM, no pipes, no processes.
            Thread other = Thread.ofPlatform().start(() -> request.ns().subList(0, 10).forEach(SumOfSquares::below));
            request.ns().subList(10, 20).forEach(SumOfSquares::below);
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 10; i++) {
            twoThreads.getAsLong();
        }
        List<Long> twoThreadTimes = new ArrayList<>();
        List<Long> sequentialTimes = new ArrayList<>();
        List<Long> warmPool = new ArrayList<>();
        List<Long> warmPoolC1 = new ArrayList<>();
        List<Long> firstCallOnFreshPool = new ArrayList<>();
        List<Long> wholeCall = new ArrayList<>();
        List<String> c1Flags = WorkerCommand.WAITING_FLAGS;
        try (var pool = Workers.start(2);
             var c1Pool = ProcessPool.builder().size(2).command(command(c1Flags)).start()) {
            for (int i = 0; i < 10; i++) { // warm the workers' JITs
                new Squares().compute(pool, request, Trace.off());
                new Squares().compute(c1Pool, request, Trace.off());
            }
            for (int round = 0; round < ROUNDS; round++) {
                sequentialTimes.add(sequential.getAsLong());
                twoThreadTimes.add(twoThreads.getAsLong());
                warmPool.add(timedInterruptibly(() -> new Squares().compute(pool, request, Trace.off())));
                warmPoolC1.add(timedInterruptibly(() -> new Squares().compute(c1Pool, request, Trace.off())));
            }
        }
        for (int round = 0; round < Math.max(3, ROUNDS / 2); round++) {
            try (var pool = Workers.start(2)) {
                firstCallOnFreshPool.add(timedInterruptibly(() -> new Squares().compute(pool, request, Trace.off())));
            }
            wholeCall.add(timedInterruptibly(() -> new Squares().compute(request, Trace.off())));
        }
        Map<Integer, List<Long>> byChunkSize = new LinkedHashMap<>();
        try (var pool = Workers.start(2)) {
            for (int i = 0; i < 10; i++) {
                new Squares().compute(pool, request, Trace.off());
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int chunkSize : new int[] {1, 2, 3, 5, 10}) {
                    byChunkSize.computeIfAbsent(chunkSize, k -> new ArrayList<>()).add(timedInterruptibly(
                            () -> pool.mapChunked(request.ns(), chunkSize, Squares.SquaresJob::new, Trace.off())));
                }
            }
        }
        double baseline = millis(median(sequentialTimes));
        System.out.printf("sequential, this JVM, warm:                         %7.1f ms%n", baseline);
        report("two threads in this JVM (the machine's ceiling):", twoThreadTimes, baseline);
        report("pool of 2, warm, one chunk per worker:", warmPool, baseline);
        report("pool of 2, warm workers, C1 only:", warmPoolC1, baseline);
        report("pool of 2, first call on a fresh pool (cold JIT):", firstCallOnFreshPool, baseline);
        report("the exercise call (start, compute, close):", wholeCall, baseline);
        for (var entry : byChunkSize.entrySet()) {
            int chunks = (request.ns().size() + entry.getKey() - 1) / entry.getKey();
            report("pool of 2, warm, chunks of " + entry.getKey() + " (" + chunks + " jobs):", entry.getValue(), baseline);
        }
    }

    /**
     * How many cores the two workers kept busy: their CPU time over the wall time of 30 runs in
     * a row. Less sensitive to other load than a speed-up: it does not compare two moments.
     * (The OS reports a process's CPU time in 10 ms ticks, hence the many runs.)
     */
    private static void coresUsed() throws Exception {
        var request = SquaresRequest.realPythonExample();
        try (var pool = Workers.start(2)) {
            for (int i = 0; i < 10; i++) {
                new Squares().compute(pool, request, Trace.off());
            }
            List<Long> pids = pool.workers().stream().map(w -> w.child().pid()).toList();
            long cpuBefore = pids.stream().mapToLong(Benchmark::cpuNanos).sum();
            long started = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                new Squares().compute(pool, request, Trace.off());
            }
            long wall = System.nanoTime() - started;
            long cpu = pids.stream().mapToLong(Benchmark::cpuNanos).sum() - cpuBefore;
            System.out.printf("pool of 2, 30 runs in a row: %.0f ms wall, %.0f ms CPU in the workers: %.2f cores busy%n",
                    millis(wall), millis(cpu), (double) cpu / wall);
        }
    }

    private static void report(String what, List<Long> times, double baselineMillis) {
        double median = millis(median(times));
        System.out.printf("%-52s %7.1f ms   speed-up %.2f×%n", what, median, baselineMillis / median);
    }

    // ---------------------------------------------------------------- exhibition

    private static void exhibition() throws Exception {
        var request = ExhibitionRequest.pyConExhibition(Duration.ofNanos(500_000));
        int workers = Exhibition.workersFor(request);
        System.out.printf("%n== exhibition (the talk's numbers, 0.5 ms per exhibition second): a pool of %d   [load %s]%n", workers, loadAverage());
        List<Long> startup = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (var pool = Workers.start(workers)) {
                startup.add(pool.startupTime().toNanos());
            }
            hours.add(new Exhibition().play(request, Trace.off()).exhibitionHours());
        }
        Collections.sort(hours);
        System.out.printf("pool of %d ready: %.1f ms (median of 3); exhibition: %.2f h (median of 3; 1.02 h is ideal)%n",
                workers, millis(median(startup)), hours.get(1));
    }

    // ---------------------------------------------------------------- HTTP clients in a fresh JVM

    /**
     * Why the workers fetch with the course's socket client ({@link SocketHttpClient}) and not the
     * JDK's {@code HttpClient}: the CPU and wall time of one request in a fresh JVM, with each client. Each run is a JVM of its own, started
     * with the waiting workers' flags, that makes one request to a local server and reports.
     */
    private static void httpClients() throws Exception {
        System.out.printf("%n== one request in a fresh JVM (waiting flags): the JVM's CPU in all, and the request's wall time   [load %s]%n",
                loadAverage());
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        try (var server = LocalWebServer.start()) {
            for (int round = 0; round < Math.max(3, ROUNDS / 2); round++) {
                for (String client : List.of("HttpClient", "SocketHttpClient")) {
                    List<String> command = new ArrayList<>(WorkerCommand.of(FirstRequest.class.getName())
                            .withFlags(WorkerCommand.WAITING_FLAGS).commandLine());
                    command.add(client);
                    command.add(server.url("/data/" + client + round).toString());
                    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                    String[] figures = new String(process.getInputStream().readAllBytes()).strip().split(" ");
                    check(process.waitFor() == 0 && figures.length == 2, "FirstRequest said " + String.join(" ", figures));
                    cpu.computeIfAbsent(client, k -> new ArrayList<>()).add(Long.parseLong(figures[0]));
                    wall.computeIfAbsent(client, k -> new ArrayList<>()).add(Long.parseLong(figures[1]));
                }
            }
        }
        for (String client : cpu.keySet()) {
            System.out.printf("%-20s %7.1f ms CPU of the whole JVM   %7.1f ms for the request%n", client,
                    millis(median(cpu.get(client))), millis(median(wall.get(client))));
        }
    }

    /** One request with one client in a fresh JVM; prints its CPU so far and the request's time, in ns. */
    static final class FirstRequest {
        public static void main(String[] args) throws Exception {
            URI url = URI.create(args[1]);
            long started = System.nanoTime();
            boolean ok;
            if (args[0].equals("HttpClient")) {
                try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
                    var request = java.net.http.HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build();
                    ok = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
                }
            } else {
                try (var client = new SocketHttpClient(1)) {
                    ok = client.download(url, Duration.ofSeconds(10)) instanceof DownloadResult.Downloaded;
                }
            }
            long wall = System.nanoTime() - started;
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
            System.out.println(ok ? cpu + " " + wall : "failed");
        }
    }

    // ---------------------------------------------------------------- waiters, counter, cancelling

    /**
     * {@code waiters} at several N up to the capacity: the exercise call's wall time (start the
     * pool, everyone waits 1 s, close), and, on a pool of its own, the start-up, the memory of all
     * workers while they wait, their CPU, and the close.
     */
    private static void waiters() throws Exception {
        Duration wait = Duration.ofSeconds(1);
        System.out.printf("%n== waiters: N tasks each wait %d ms, one worker process each   [load %s]%n", wait.toMillis(), loadAverage());
        System.out.printf("%5s %14s %12s %16s %14s %10s%n", "N", "exercise call", "pool ready", "RSS, all workers", "CPU, all", "close");
        var waiters = new Waiters();
        for (int n : new int[] {8, 16, Waiters.MAX_TASKS}) {
            List<Long> call = new ArrayList<>();
            List<Long> ready = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            List<Long> close = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                var result = waiters.await(new WaitersRequest(n, wait), Trace.off());
                call.add(System.nanoTime() - started);
                check(result.completed() == n && result.maxWaitingAtOnce() == n && result.early() == 0, "waiters: " + result);

                var pool = Workers.pool().size(n).forWaiting().start();
                ready.add(pool.startupTime().toNanos());
                var tally = new WaitTally(wait);
                List<CompletableFuture<Void>> jobs = new ArrayList<>();
                for (int task = 0; task < n; task++) {
                    jobs.add(pool.submit(new Waiters.WaitJob(task, wait, tally), Trace.off()));
                }
                Thread.sleep(wait.dividedBy(2)); // halfway through the wait: every worker is asleep now
                List<Long> pids = pool.workers().stream().map(w -> w.child().pid()).toList();
                rss.add(pids.stream().mapToLong(Benchmark::residentKiB).sum());
                cpu.add(pids.stream().mapToLong(Benchmark::cpuNanos).sum());
                for (var job : jobs) {
                    job.get();
                }
                long closing = System.nanoTime();
                pool.close();
                close.add(System.nanoTime() - closing);
            }
            System.out.printf("%5d %11.0f ms %9.0f ms %12.0f MiB %11.0f ms %7.0f ms%n", n, millis(median(call)), millis(median(ready)),
                    median(rss) / 1024.0, millis(median(cpu)), millis(median(close)));
        }
    }

    /**
     * {@code counter}: the contract's 50 tasks × 100 increments through the parent, with the
     * lease (exact) and without (the tasks only yield between read and write: whatever the
     * machine's timing loses).
     */
    private static void counter() throws Exception {
        var request = new CounterRequest(50, 100);
        int workers = Runtime.getRuntime().availableProcessors();
        System.out.printf("%n== counter: %d tasks × %d increments on %d workers, each increment 2 calls to the parent   [load %s]%n",
                request.tasks(), request.incrementsPerTask(), workers, loadAverage());
        List<Long> leasedTimes = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            var exact = new Counter().count(request, Trace.off());
            leasedTimes.add(System.nanoTime() - started);
            check(exact.lostUpdates() == 0, "the leased counter is exact");
            lost.add(Counter.unguarded(workers, null).count(request, Trace.off()).lostUpdates());
        }
        System.out.printf("leased: %.0f ms per call (pool start and close included), exact; unguarded, yielding: lost %s of %d%n",
                millis(median(leasedTimes)), lost, request.expectedTotal());
    }

    /**
     * Cancelling: three workers blocked in downloads that would take 5 s, then the pool closed
     * politely ({@code close}: their stdin ends, each halts its JVM) or at once ({@code closeNow}:
     * SIGKILL): the time until every child is gone. Then the {@code deadline} exercise's whole
     * call when it fails fast.
     */
    private static void cancel() throws Exception {
        System.out.printf("%n== cancelling 3 workers blocked in downloads, until every child is gone   [load %s]%n", loadAverage());
        Map<String, List<Long>> times = new LinkedHashMap<>();
        try (var server = LocalWebServer.start()) {
            for (int round = 0; round < Math.max(3, ROUNDS / 2); round++) {
                for (String how : List.of("close()", "closeNow()")) {
                    var pool = Workers.pool().size(3).forWaiting().start();
                    for (int i = 0; i < 3; i++) {
                        pool.submit(new Download.DownloadJob(server.url("/data/" + how + round + i + "?delay=5000"),
                                DownloadRequest.DEFAULT_TIMEOUT), Trace.off());
                    }
                    while (server.inFlight() < 3) {
                        Thread.sleep(5); // polling a benchmark's precondition, not a test
                    }
                    long started = System.nanoTime();
                    if (how.equals("close()")) {
                        pool.close();
                    } else {
                        pool.closeNow();
                    }
                    times.computeIfAbsent(how, k -> new ArrayList<>()).add(System.nanoTime() - started);
                }
            }
        }
        times.forEach((how, list) -> System.out.printf("%-12s %7.1f ms%n", how, millis(median(list))));

        // The deadline contract's fail-fast case, whole calls: 5 workers start, one URL answers
        // at once, one fails after 200 ms, three would take 5 s and are cancelled.
        List<Long> failFast = new ArrayList<>();
        for (int round = 0; round < Math.max(3, ROUNDS / 2); round++) {
            try (var server = LocalWebServer.start()) {
                List<URI> urls = List.of(server.url("/data/1"), server.url("/status/500?delay=200"),
                        server.url("/data/2?delay=5000"), server.url("/data/3?delay=5000"), server.url("/data/4?delay=5000"));
                long started = System.nanoTime();
                var result = new Deadline().download(new DeadlineRequest(urls, 5, Duration.ofSeconds(30)), Trace.off());
                failFast.add(System.nanoTime() - started);
                check(result.ending() == Ending.FAILED_FAST, "the deadline call failed fast: " + result.ending());
            }
        }
        System.out.printf("the deadline exercise, failing fast (5 workers start, 500 after 200 ms): %.0f ms per call%n",
                millis(median(failFast)));
    }

    // ---------------------------------------------------------------- helpers

    private interface Work {
        void run() throws Exception;
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static long timedInterruptibly(Work work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** Resident memory of a process in KiB, from Linux's /proc; -1 elsewhere. */
    private static long residentKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark self-check failed: " + what);
        }
    }
}
