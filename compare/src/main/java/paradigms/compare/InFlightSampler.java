package paradigms.compare;

import paradigms.common.server.LocalWebServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the web server's in-flight count every millisecond during one run, for the
 * "requests in flight over time" picture. The server's count, not the paradigm's trace:
 * every paradigm is then drawn by the same ruler, whatever its spans mean.
 *
 * <p>Threads: {@link #start} starts one daemon platform thread that owns {@code samples}
 * until {@link #stop} has joined it; only then does the caller read them. It runs in the
 * parent, so its small cost (a thousand wake-ups a second) is not in the child's CPU figure.
 */
final class InFlightSampler {

    /** The server's in-flight count at {@code millis} since the run started. */
    record Sample(double millis, int inFlight) {
    }

    private static final long PERIOD_NANOS = 1_000_000;

    private final LocalWebServer server;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>(); // owned by the sampling thread until stop()
    private volatile boolean running = true;
    private final Thread thread;

    private InFlightSampler(LocalWebServer server) {
        this.server = server;
        this.thread = Thread.ofPlatform().name("in-flight-sampler").daemon().unstarted(this::sample);
    }

    static InFlightSampler start(LocalWebServer server) {
        var sampler = new InFlightSampler(server);
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (running) {
            samples.add(new Sample((System.nanoTime() - startNanos) / 1e6, server.inFlight()));
            LockSupport.parkNanos(PERIOD_NANOS); // the sampling period: this wait is the point
        }
        samples.add(new Sample((System.nanoTime() - startNanos) / 1e6, server.inFlight()));
    }

    /** Stops sampling and returns the samples (join gives the happens-before edge). */
    List<Sample> stop() throws InterruptedException {
        running = false;
        thread.join();
        return List.copyOf(samples);
    }
}
