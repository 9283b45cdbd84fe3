package paradigms.greenlets;

import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.Meter;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.greenlets.continuation.PingPong;
import paradigms.greenlets.virtual.Carriers;
import paradigms.greenlets.virtual.FailFast;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The chapter in a few seconds: straight-line code on 100,000 virtual threads, carriers
 * changing hands, the same blocking download code as the threading chapter, fail-fast and a
 * deadline download, lost updates, what still pins (seen by JFR), and the continuation
 * underneath, switched by hand.
 *
 * <pre>
 * ./mvnw -q -pl greenlets -am compile exec:java                 # inside Maven's JVM: no continuation part
 * ./mvnw -q -pl greenlets -am compile exec:exec@underneath      # a JVM with this module's flags: everything
 * </pre>
 * Settings: {@code -Dwaiters=100000} (how many virtual threads wait at once; at most
 * {@link Waiters#MAX_TASKS}), {@code -Dwaiters.seconds=1} (how long each waits: make it
 * 30 to take a heap histogram, {@code jcmd <pid> GC.class_histogram}, while they all wait).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int waiters = Integer.getInteger("waiters", 100_000);
        int waitSeconds = Integer.getInteger("waiters.seconds", 1);
        System.out.printf("Virtual threads: straight-line blocking code, %d cores, JDK %s%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        manyWaiters(waiters, Duration.ofSeconds(waitSeconds));
        carriers();
        download();
        failFast();
        deadline();
        counter();
        pinning();
        underneath();
    }

    private static void manyWaiters(int threads, Duration each) throws Exception {
        System.out.printf("1. waiters: %,d virtual threads, each sleeping %d s, all waiting at once (at most %,d here)%n",
                threads, each.toSeconds(), new Waiters().capacity().maxTasks());
        var measured = Meter.measure(() -> new Waiters().await(new WaitersRequest(threads, each), Trace.off()));
        WaitersResult result = measured.value();
        System.out.printf("   %,d completed, %,d waiting at once, %d early; %.2f s wall, %.2f s CPU, "
                        + "peak platform threads %d, peak heap %,d MB%n%n",
                result.completed(), result.maxWaitingAtOnce(), result.early(), seconds(measured.measurement().wall()),
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
                    new GreenletsParadigm().download().download(new DownloadRequest(urls, 8), Trace.off()));
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

    private static void deadline() throws Exception {
        System.out.println("5. deadline: 5 URLs, at most 5 in flight; the second fails after 200 ms, three take 5 s");
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(server.url("/data/1"), server.url("/status/500?delay=200"),
                    server.url("/data/2?delay=5000"), server.url("/data/3?delay=5000"), server.url("/data/4?delay=5000"));
            Queue<Thread> started = new ConcurrentLinkedQueue<>();
            ThreadFactory virtual = Thread.ofVirtual().name("deadline-", 0).factory();
            long start = System.nanoTime();
            ThreadFactory keeping = task -> {
                Thread thread = virtual.newThread(task);
                started.add(thread);
                return thread;
            };
            DeadlineResult result = new Deadline(keeping).download(new DeadlineRequest(urls, 5, Duration.ofSeconds(30)), Trace.off());
            System.out.printf("   %s after %.2f s: %d finished, %d failed, %d cancelled; %d of %d virtual threads still alive%n%n",
                    result.ending(), seconds(Duration.ofNanos(System.nanoTime() - start)),
                    result.count(ItemOutcome.Finished.class), result.count(ItemOutcome.Failed.class),
                    result.count(ItemOutcome.Cancelled.class), started.stream().filter(Thread::isAlive).count(), started.size());
        }
    }

    private static void counter() throws InterruptedException {
        System.out.println("6. counter: 50 virtual threads x 100 increments, each read - Thread.yield() - write");
        var request = new CounterRequest(50, 100);
        CounterResult locked = new Counter().count(request, Trace.off());
        CounterResult unguarded = Counter.withoutLock(Thread::yield).count(request, Trace.off());
        System.out.printf("   under a ReentrantLock: %,d of %,d; without it: %,d (%,d updates lost, a different number every run)%n%n",
                locked.total(), locked.expected(), unguarded.total(), unguarded.lostUpdates());
    }

    private static void pinning() throws Exception {
        boolean nativeAccess = Demo.class.getModule().isNativeAccessEnabled();
        var scenarios = EnumSet.of(Pinning.Scenario.SYNCHRONIZED, Pinning.Scenario.STATIC_INITIALISER);
        if (nativeAccess) {
            scenarios.add(Pinning.Scenario.NATIVE_UPCALL);
        }
        System.out.println("7. Pinning, as JDK Flight Recorder sees it (jdk.VirtualThreadPinned, threshold 0 ms)");
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
        System.out.println("8. Underneath: a continuation, switched by hand like Python's greenlet");
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
