package paradigms.compare.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import paradigms.callbacks.loop.EventLoop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The callbacks chapter's event loop, through its public API, running on a thread of its own:
 * <ul>
 *   <li>{@link #tick()}: a callback that schedules the next one with {@code callSoon}, a thousand
 *       times: the cost of one turn through the ready queue, all on the loop thread;</li>
 *   <li>{@link #callSoonThreadSafeRoundTrip()}: another thread hands the loop a callback
 *       ({@code callSoonThreadSafe}: the inbox, and a {@code wakeup()} of its selector) and waits
 *       until the callback has run on the loop thread.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopCost {

    private static final int CHAIN = 1_000;

    private EventLoop loop;
    private Thread loopThread;

    @Setup(Level.Trial)
    public void startLoop() {
        loop = new EventLoop();
        // run() returns when no work is left: a timer far away keeps it running between invocations.
        loop.callLater(Duration.ofDays(1), () -> { });
        loopThread = Thread.ofPlatform().name("jmh-loop").start(loop::run);
    }

    @TearDown(Level.Trial)
    public void stopLoop() throws InterruptedException {
        loop.stop();
        loopThread.join();
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void tick() {
        var done = new CompletableFuture<Void>();
        loop.callSoonThreadSafe(() -> chain(CHAIN, done));
        done.join();
    }

    /** Runs on the loop thread: schedules itself {@code left} more times, then completes {@code done}. */
    private void chain(int left, CompletableFuture<Void> done) {
        if (left == 0) {
            done.complete(null);
        } else {
            loop.callSoon(() -> chain(left - 1, done));
        }
    }

    @Benchmark
    public void callSoonThreadSafeRoundTrip() {
        var done = new CompletableFuture<Void>();
        loop.callSoonThreadSafe(() -> done.complete(null));
        done.join();
    }
}
