package paradigms.generators.http;

import paradigms.common.http.HttpResponse;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.TimeLimit;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A non-blocking HTTP/1.1 client written as coroutines, on the scheduler's loop: plain
 * {@code http://}, GET, {@code Content-Length} and chunked bodies, keep-alive connections
 * reused, a time limit on each whole exchange, and redirects returned rather than followed.
 *
 * <p><b>Threads:</b> the loop thread only, like the coroutines it hands out. Close it after
 * the loop has stopped, or from a coroutine, to close the idle connections.
 */
public final class CoroutineHttpClient implements AutoCloseable {

    private final Scheduler scheduler;
    private final ConnectionPool pool = new ConnectionPool();
    /**
     * One read buffer for every exchange: one thread reads, one read at a time, and the parser
     * copies out what it keeps before the next — so 1,000 connections cost one buffer. Direct,
     * so that the socket reads into it without an extra copy.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    public CoroutineHttpClient(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A coroutine that GETs {@code url} and returns the whole response, whatever its status;
     * it throws an {@link java.io.IOException} when the exchange fails, and a
     * {@link java.util.concurrent.TimeoutException} when it is not over within {@code timeout}
     * (connect, send, and every byte of the body): when the time is up, {@link TimeLimit}
     * cancels the task, the exchange's clean-up closes its connection, and the cancellation
     * comes out as the timeout.
     */
    public Coroutine<HttpResponse> get(URI url, Duration timeout) {
        return new TimeLimit<>(scheduler, timeout, new Exchange(pool, readBuffer, url));
    }

    /** Connections opened so far: with keep-alive, far fewer than requests. */
    public int connectionsOpened() {
        return pool.connectionsOpened();
    }

    public int idleConnections() {
        return pool.idleConnections();
    }

    @Override
    public void close() {
        pool.close();
    }
}
