package paradigms.compare.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A round trip between two threads: the benchmark's thread hands a token to an echo thread and
 * waits until it comes back — what it costs to wake a thread that waits and to be woken by it.
 * The echo thread is a platform thread (the OS schedules it: threading) or a virtual thread
 * (the JDK's scheduler mounts it on a carrier when it is unparked, and unmounts it when it
 * parks: greenlets).
 *
 * <p>A {@code SynchronousQueue} hands over directly, with no buffer; it spins a little before it
 * parks, so on an idle second core part of a round trip is a spin rather than a sleep — as in
 * any program that uses it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Handoff {

    private static final Object TOKEN = new Object();

    @Param({"platform", "virtual"})
    public String echo;

    private final SynchronousQueue<Object> ping = new SynchronousQueue<>();
    private final SynchronousQueue<Object> pong = new SynchronousQueue<>();
    private Thread echoThread;

    @Setup(Level.Trial)
    public void startEcho() {
        Thread.Builder builder = echo.equals("virtual") ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        echoThread = builder.name("echo").start(() -> {
            try {
                while (true) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException stop) {
                // the trial is over
            }
        });
    }

    @TearDown(Level.Trial)
    public void stopEcho() throws InterruptedException {
        echoThread.interrupt();
        echoThread.join();
    }

    @Benchmark
    public Object roundTrip() throws InterruptedException {
        ping.put(TOKEN);
        return pong.take();
    }
}
