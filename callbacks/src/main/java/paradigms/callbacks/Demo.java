package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.callbacks.loop.Repeating;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.counter.CounterRequest;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;

/**
 * The chapter in a few seconds: the loop's order, twelve downloads on one thread, a loop
 * stalled by one blocking call, an exception that lost its stack, and updates lost on one
 * thread.
 *
 * <p>Run: {@code ./mvnw -q -pl callbacks -am compile exec:java}
 */
public final class Demo {

    /** Times printed are since the start of the current section. */
    private static long sectionStart = System.nanoTime();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        order();
        downloads();
        stall();
        lostStack();
        lostUpdates();
    }

    /** 1. FIFO ready queue, then timers by deadline: who runs when. */
    private static void order() {
        System.out.println("1. The order of callbacks (one thread: " + Thread.currentThread().getName() + ")");
        try (var loop = new EventLoop()) {
            loop.callLater(Duration.ofMillis(20), () -> step("timer of 20 ms"));
            loop.callLater(Duration.ofMillis(10), () -> step("timer of 10 ms"));
            loop.callSoon(() -> {
                step("callSoon A, which schedules C");
                loop.callSoon(() -> step("callSoon C (queued behind B)"));
            });
            loop.callSoon(() -> step("callSoon B"));
            loop.run();
        }
    }

    /** 2. Twelve requests of 100 ms, at most four at once, on the one loop thread: about 300 ms. */
    private static void downloads() throws Exception {
        System.out.println("\n2. Twelve downloads of 100 ms each, at most 4 in flight, one thread");
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(100)).start();
             var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            var permits = new Permits(loop, 4);
            sectionStart = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                URI url = server.url("/data/" + i + "?size=" + (1_000 + i));
                permits.acquire(() -> client.get(url, Duration.ofSeconds(5),
                        response -> {
                            say(String.format("%-9s %d, %,d bytes", url.getPath(), response.status(), response.body().length));
                            permits.release();
                        },
                        failure -> {
                            say(url.getPath() + " failed: " + failure);
                            permits.release();
                        }));
            }
            loop.run();
            System.out.printf("   all twelve in %d ms (one after another: 1,200 ms), over %d connections%n",
                    (System.nanoTime() - sectionStart) / 1_000_000, client.connectionsOpened());
        }
    }

    /** 3. A heartbeat every 10 ms, and one callback that blocks for 200 ms. */
    private static void stall() {
        System.out.println("\n3. One blocking call stalls everything on the loop");
        var heartbeat = new Heartbeat();
        try (var loop = new EventLoop()) {
            sectionStart = System.nanoTime();
            var beat = Repeating.every(loop, Duration.ofMillis(10), heartbeat::tick);
            loop.callLater(Duration.ofMillis(50), () -> {
                say("a callback calls Thread.sleep(200) — any blocking call would do");
                try {
                    Thread.sleep(200); // THE LESSON: blocking on the loop thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.callLater(Duration.ofMillis(400), beat::cancel);
            loop.run();
        }
        var stats = heartbeat.stop();
        System.out.printf("   the 10 ms heartbeat ticked %d times; its largest gap: %d ms%n",
                stats.ticks(), stats.largestGap().toMillis());
    }

    /** 4. An exception three callbacks deep: caught by the loop's error handler, its cause's frames gone. */
    private static void lostStack() {
        System.out.println("\n4. An exception in a nested callback");
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> {
                System.out.println("   the error handler got: " + error);
                System.out.println("   its stack trace, up to the loop:");
                for (StackTraceElement frame : error.getStackTrace()) {
                    System.out.println("     at " + frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName());
                    if (frame.getMethodName().equals("run") && frame.getClassName().equals(EventLoop.class.getName())) {
                        break; // below: main, which called loop.run()
                    }
                }
                System.out.println("   The lambda was written in lookUpPrice (its name says so), but neither lookUpPrice");
                System.out.println("   nor placeOrder, which started the work, is on the stack: both returned long ago.");
                System.out.println("   Nobody who knows what the work was for can catch this. The stack was ripped.");
            });
            placeOrder(loop);
            loop.run();
        }
    }

    /** 5. Read, "call me back", write: 50 tasks of 100 increments each, on one thread. */
    private static void lostUpdates() {
        System.out.println("\n5. Lost updates on one thread: 50 tasks × 100 increments of one counter");
        var request = new CounterRequest(50, 100);
        for (var increment : Counter.Increment.values()) {
            var result = new Counter(increment).count(request, Trace.off());
            System.out.printf("   %-18s total %,5d of %,d, lost %,d%n", increment, result.total(), result.expected(), result.lostUpdates());
        }
        System.out.println("   SPLIT reads, lets the loop run the other tasks' callbacks, then writes what it read + 1:");
        System.out.println("   every round, all 50 read the same value. One thread, no data race, and 98 % of the updates gone.");
    }

    private static void placeOrder(EventLoop loop) {
        loop.callSoon(() -> lookUpPrice(loop));
    }

    private static void lookUpPrice(EventLoop loop) {
        loop.callLater(Duration.ofMillis(5), () -> Integer.parseInt("twelve"));
    }

    private static void step(String what) {
        System.out.println("   " + what);
    }

    private static void say(String what) {
        System.out.printf("   %4d ms  %s%n", (System.nanoTime() - sectionStart) / 1_000_000, what);
    }
}
