package paradigms.greenlets;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;
import paradigms.greenlets.continuation.PingPong;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The chapter in a few seconds: straight-line code on 100,000 virtual threads, carriers
 * changing hands, the same blocking download code as the threading chapter, fail-fast, what
 * still pins (seen by JFR), and the continuation underneath, switched by hand.
 *
 * <pre>
 * ./mvnw -q -pl greenlets -am compile exec:java                 # inside Maven's JVM: no continuation part
 * ./mvnw -q -pl greenlets -am compile exec:exec@underneath      # a JVM with this module's flags: everything
 * </pre>
 * Settings: {@code -Dwaiters=100000} (how many virtual threads wait at once).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int waiters = Integer.getInteger("waiters", 100_000);
        System.out.printf("Virtual threads: straight-line blocking code, %d cores, JDK %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        manyWaiters(waiters);
        carriers();
        download();
        failFast();
        pinning();
        underneath();
    }

    private static void manyWaiters(int threads) throws Exception {
        System.out.printf("1. %,d virtual threads, each sleeping 1 s, all alive at once%n", threads);
        var measured = Meter.measure(() -> Waiters.waitAtOnce(threads, Duration.ofSeconds(1), Duration.ofSeconds(60)));
        Waiters.Outcome outcome = measured.value();
        System.out.printf("   %,d completed, %,d saw all the others alive; %.2f s wall, %.2f s CPU, "
                        + "peak platform threads %d, peak heap %,d MB%n%n",
                outcome.completed(), outcome.sawAll(), seconds(measured.measurement().wall()),
                seconds(measured.measurement().cpu()), measured.measurement().peakThreads(),
                measured.measurement().peakHeapBytes() / (1024 * 1024));
    }

    private static void carriers() throws InterruptedException {
        System.out.println("2. Parking: 1,000 virtual threads note their carrier, sleep 20 ms, note it again");
        List<Carriers.Hop> hops = Carriers.watch(1_000, Duration.ofMillis(20));
        Carriers.startsPerCarrier(hops).forEach((carrier, count) ->
                System.out.printf("   %s started %d of them%n", carrier, count));
        long moved = hops.stream().filter(Carriers.Hop::moved).count();
        System.out.printf("   %d of 1,000 resumed on a different carrier than they started on%s%n%n", moved,
                hops.stream().filter(Carriers.Hop::moved).findFirst()
                        .map(hop -> ", e.g. #" + hop.thread() + ": " + hop.before() + " -> " + hop.after())
                        .orElse(""));
    }

    private static void download() throws Exception {
        System.out.println("3. download: 40 URLs, 100 ms each, at most 8 in flight (sequentially: 4 s)");
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(100)).start()) {
            List<URI> urls = IntStream.range(0, 40).mapToObj(i -> server.url("/data/" + i + "?size=1000")).toList();
            var measured = Meter.measure(() ->
                    new GreenletsParadigm().downloader().download(new DownloadRequest(urls, 8), Trace.off()));
            long ok = measured.value().stream().filter(DownloadResult.Downloaded.class::isInstance).count();
            System.out.printf("   %d of %d downloaded in %.2f s; the server saw at most %d in flight%n%n",
                    ok, urls.size(), seconds(measured.measurement().wall()), server.maxInFlight());
        }
    }

    private static void failFast() throws InterruptedException {
        System.out.println("4. Fail-fast: three tasks; one fails after 100 ms, the others would take 10 s");
        var interrupted = new AtomicInteger();
        Callable<String> slow = () -> {
            try {
                Thread.sleep(Duration.ofSeconds(10)); // interrupted long before: that is the point
                return "finished";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        Callable<String> failing = () -> {
            Thread.sleep(Duration.ofMillis(100));
            throw new IllegalStateException("the middle task failed");
        };
        long start = System.nanoTime();
        try {
            FailFast.invokeAll(List.of(slow, failing, slow));
        } catch (ExecutionException e) {
            System.out.printf("   threw \"%s\" after %.2f s; %d slow tasks were interrupted, and had ended before it returned%n%n",
                    e.getCause().getMessage(), seconds(Duration.ofNanos(System.nanoTime() - start)), interrupted.get());
        }
    }

    private static void pinning() throws Exception {
        boolean nativeAccess = Demo.class.getModule().isNativeAccessEnabled();
        var scenarios = EnumSet.of(Pinning.Scenario.SYNCHRONIZED, Pinning.Scenario.STATIC_INITIALISER);
        if (nativeAccess) {
            scenarios.add(Pinning.Scenario.NATIVE_UPCALL);
        }
        System.out.println("5. Pinning, as JDK Flight Recorder sees it (jdk.VirtualThreadPinned, threshold 0 ms)");
        for (Map.Entry<Pinning.Scenario, List<Pinning.Pinned>> seen : Pinning.record(scenarios).entrySet()) {
            List<Pinning.Pinned> pins = seen.getValue();
            System.out.printf("   %-18s %s%n", seen.getKey(), pins.isEmpty()
                    ? "not pinned"
                    : "pinned " + pins.size() + "x, " + pins.getFirst().duration().toMillis() + " ms: " + pins.getFirst().reason());
        }
        if (!nativeAccess) {
            System.out.println("   NATIVE_UPCALL      skipped: needs --enable-native-access (exec:exec@underneath)");
        }
        System.out.println();
    }

    private static void underneath() {
        System.out.println("6. Underneath: a continuation, switched by hand like Python's greenlet");
        boolean exported = Object.class.getModule().isExported("jdk.internal.vm", Demo.class.getModule());
        if (!exported) {
            System.out.println("   skipped: this JVM does not export jdk.internal.vm; run");
            System.out.println("   ./mvnw -q -pl greenlets -am compile exec:exec@underneath");
            return;
        }
        PingPong.play().forEach(line -> System.out.println("   " + line));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
