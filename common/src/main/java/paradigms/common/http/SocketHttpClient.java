package paradigms.common.http;

import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.download.DownloadResult;
import paradigms.common.pipeline.Fetched;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Waited;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking HTTP/1.1 client on {@link java.net.Socket}: the calling thread writes the request
 * and then really sits in {@link InputStream#read} until the server's bytes come. What the bytes
 * mean is the {@link ResponseParser}'s business; this class only moves them and decides how long
 * to wait. It is the client of every chapter whose threads block: the sequential baseline,
 * threading, the workers of multiprocessing and the virtual threads of greenlets.
 *
 * <p><b>Only GET</b>, which is idempotent: that is what allows sending a request again on a new
 * connection when a kept-alive one turns out to have been closed by the server (below).
 *
 * <p><b>Timeouts.</b> {@code timeout} bounds the <em>whole answer</em>, from the connect to the
 * last body byte. Before each read the time still left is set as the socket's read timeout
 * ({@link Socket#setSoTimeout}), so a server that sends its headers and then stalls, or one that
 * trickles a byte now and then, times out when the time is up — not one read timeout after the
 * last byte. Running out of time throws {@link SocketTimeoutException}. The connect has its own,
 * shorter bound ({@code connectTimeout}): a server that does not accept within it is not there,
 * which is a connection failure ({@link ConnectException}), not a timeout.
 *
 * <p><b>Keep-alive.</b> Connections are kept per origin (host and port) and reused. A connection
 * goes back to the pool only after a whole answer that allows it ({@link HttpResponse#keepAlive()}:
 * not after {@code Connection: close}, not after HTTP/1.0 without keep-alive, not after a body
 * that ran until the close) and with no byte left over after it. Any failure — refused, reset,
 * timed out, cut mid-answer, a malformed answer — closes the connection: its state is unknown,
 * so it is never reused. At most {@code maxIdlePerOrigin} idle connections are kept per origin;
 * one that comes back to a full pool is closed.
 *
 * <p><b>A stale connection is retried once.</b> A server may close a kept-alive connection while
 * it sits idle in the pool. The client notices only when it uses it: the first read returns
 * end-of-stream (or the connection is reset) before a single byte of the answer. The request
 * then cannot have been answered, and as GET is idempotent it is sent again, once, on a new
 * connection. Once any byte of an answer has arrived, nothing is ever sent again: that would
 * risk doing a request twice and hiding a real failure.
 *
 * <p><b>Threads.</b> Thread-safe: any number of threads may fetch at the same time, each on a
 * connection of its own. A connection in use belongs to the one thread that took it from the
 * pool; the pool and the set of open connections are guarded by one lock, held only to hand a
 * connection out or take it back — never during I/O.
 *
 * <p><b>Closing, and cancelling a blocked thread.</b> {@link #close()} closes every connection,
 * idle <em>and in use</em>: a thread blocked in a read on one of them wakes with a
 * {@link SocketException}. That is how the deadline exercises stop platform threads, because an
 * interrupt does not: a platform thread blocked in a socket read stays there after
 * {@link Thread#interrupt()} until bytes come, the peer closes, the read times out or the socket
 * is closed. A <em>virtual</em> thread is different (JEP 444): interrupting it while it is parked
 * in a socket read closes the socket and wakes it. Either way, a fetch that ends with the calling
 * thread's interrupt flag set throws {@link InterruptedException}.
 */
public final class SocketHttpClient implements AutoCloseable {

    /** As long as a connect may take: a server on this machine that has not accepted by then is not there. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Idle connections kept per origin unless told otherwise. */
    public static final int DEFAULT_MAX_IDLE_PER_ORIGIN = 64;

    private static final int READ_BUFFER_BYTES = 16 * 1024;

    private final Duration connectTimeout;
    private final int maxIdlePerOrigin;

    /** Guards {@link #idle}, {@link #open}, {@link #closed} and {@link #connectionsOpened}. Never held during I/O. */
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Idle connections per origin, most recently returned first. LIFO, not FIFO: the connection
     * used last is the one least likely to have been closed by the server's idle timeout, and
     * under light load the same few connections stay warm while the others age at the bottom.
     */
    private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
    /** Every connection not yet closed, idle or in use: what {@link #close()} must close. */
    private final Set<Connection> open = new HashSet<>();
    private boolean closed;
    private long connectionsOpened;

    /** A client with the default connect timeout and pool bound. */
    public SocketHttpClient() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_IDLE_PER_ORIGIN);
    }

    /**
     * A client keeping at most {@code maxIdlePerOrigin} idle connections per origin. A chapter
     * with C requests in flight passes C: every connection can then be kept for the next request.
     */
    public SocketHttpClient(int maxIdlePerOrigin) {
        this(DEFAULT_CONNECT_TIMEOUT, maxIdlePerOrigin);
    }

    /**
     * @throws IllegalArgumentException if {@code connectTimeout} is not positive or
     *                                  {@code maxIdlePerOrigin} is negative
     */
    public SocketHttpClient(Duration connectTimeout, int maxIdlePerOrigin) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (maxIdlePerOrigin < 0) {
            throw new IllegalArgumentException("maxIdlePerOrigin must be zero or positive, was " + maxIdlePerOrigin);
        }
        this.connectTimeout = connectTimeout;
        this.maxIdlePerOrigin = maxIdlePerOrigin;
    }

    // ---------------------------------------------------------------- the exercises' view

    /**
     * GETs {@code url} and says what became of it, as every chapter reports it: a response that
     * arrived whole gives {@link DownloadResult#ofResponse}, a failed fetch
     * {@link DownloadResult#ofError} (a timeout, or a connection failure: refused, reset, cut
     * short, malformed).
     *
     * @throws InterruptedException if the calling thread was interrupted (see the class comment)
     */
    public DownloadResult download(URI url, Duration timeout) throws InterruptedException {
        return download(url, timeout, TaskLife.NOTHING);
    }

    /**
     * The same, telling the task's life as it goes: the calling thread is the task, so it waits
     * for the socket from the moment it sends, and the line after the blocking read returned is
     * where it runs again — it notes its resume there ({@link TaskLife#resumed}, with the answer's
     * {@link HttpResponse#sentAtNanos() stamp}), before anything else.
     */
    public DownloadResult download(URI url, Duration timeout, TaskLife life) throws InterruptedException {
        life.waitingFor(Waited.SOCKET);
        try {
            HttpResponse response = get(url, timeout);
            life.resumed(response.sentAtNanos()); // the task runs again: first thing it does
            return DownloadResult.ofResponse(url, response.status(), response.body());
        } catch (IOException e) {
            life.resumed(OptionalLong.empty()); // no answer, no stamp: the wait is over all the same
            return DownloadResult.ofError(url, e);
        }
    }

    /** The same fetch, read as a crawler reads it ({@link CrawlOutcome#ofResponse}, {@link CrawlOutcome#ofError}). */
    public CrawlOutcome crawl(URI url, Duration timeout) throws InterruptedException {
        try {
            HttpResponse response = get(url, timeout);
            return CrawlOutcome.ofResponse(url, response.status(), response.location(), response.body());
        } catch (IOException e) {
            return CrawlOutcome.ofError(e);
        }
    }

    /**
     * The same fetch, as stage 1 of the pipeline hands it on: the body of a 2xx answer
     * ({@link Fetched#ofResponse}), or why there is none ({@link Fetched#ofError}) — also for a
     * URL this client cannot fetch at all (an {@code https://} one): in a pipeline, a thread that
     * threw instead of handing an item on would leave stage 2 waiting for it for ever.
     */
    public Fetched fetch(int index, URI url, Duration timeout) throws InterruptedException {
        try {
            HttpResponse response = get(url, timeout);
            return Fetched.ofResponse(index, url, response.status(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            return Fetched.ofError(index, url, e);
        }
    }

    // ---------------------------------------------------------------- one GET

    /**
     * GETs {@code url} and returns the whole response, whatever its status. Redirects are not
     * followed (the crawlers follow them themselves).
     *
     * @param timeout bounds the whole answer, connect included
     * @throws SocketTimeoutException   if no whole answer came within {@code timeout}
     * @throws IOException              if the connection failed, was cut, or the answer was malformed
     *                                  ({@link java.net.ProtocolException}), or the client is closed
     * @throws InterruptedException     if the calling thread was interrupted
     * @throws IllegalArgumentException if {@code url} is not an {@code http://} URL with a host, or
     *                                  {@code timeout} is not positive
     */
    public HttpResponse get(URI url, Duration timeout) throws IOException, InterruptedException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        byte[] request = HttpRequestWriter.get(url, true); // checks the URL before any I/O
        long deadline = System.nanoTime() + timeout.toNanos();
        var origin = Origin.of(url);
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before GET " + url);
        }
        Connection connection = takeIdle(origin);
        boolean retried = false;
        while (true) {
            if (connection == null) {
                connection = connect(origin, url, deadline, timeout);
            }
            try {
                HttpResponse response = exchange(connection, request, url, deadline, timeout);
                giveBack(connection, response);
                return response;
            } catch (StaleConnection stale) {
                close(connection);
                if (retried) {
                    throw new IllegalStateException("a new connection cannot be stale", stale); // exchange() checks `reused`
                }
                retried = true; // GET is idempotent, and no byte of an answer came: send it again, once
                connection = null;
            } catch (IOException | RuntimeException e) {
                close(connection); // its state is unknown: never reused
                if (Thread.currentThread().isInterrupted()) {
                    // A virtual thread's read was interrupted (the JDK closed the socket), or the
                    // client was closed to cancel a platform thread that had also been interrupted.
                    Thread.interrupted();
                    var interrupted = new InterruptedException("interrupted during GET " + url);
                    interrupted.initCause(e);
                    throw interrupted;
                }
                throw e;
            }
        }
    }

    /**
     * Writes the request and reads until the parser has a whole response. Runs on the calling
     * thread, which owns {@code connection} throughout.
     */
    private static HttpResponse exchange(Connection connection, byte[] request, URI url, long deadline, Duration timeout)
            throws IOException {
        var parser = new ResponseParser(HttpMethod.GET);
        try {
            connection.out.write(request);
            connection.out.flush();
            while (true) {
                int count = connection.read(deadline, url, timeout); // the thread waits for bytes here
                if (count == -1) {
                    if (connection.reused && !parser.receivedAnyByte()) {
                        throw new StaleConnection();
                    }
                    parser.endOfInput(); // completes a close-delimited body, or throws: the answer was cut
                    return parser.response();
                }
                ByteBuffer bytes = ByteBuffer.wrap(connection.buffer, 0, count);
                if (parser.feed(bytes)) {
                    connection.leftOver = bytes.hasRemaining();
                    return parser.response();
                }
            }
        } catch (SocketException e) {
            // Reset (or a broken pipe on the write) before any byte of an answer, on a connection
            // that had served before: the server closed it while it was idle.
            if (connection.reused && !parser.receivedAnyByte() && !connection.socket.isClosed()) {
                throw new StaleConnection();
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- the pool

    /** The most recently returned idle connection to {@code origin}, or null; it now belongs to the caller. */
    private Connection takeIdle(Origin origin) throws IOException {
        lock.lock();
        try {
            throwIfClosed();
            ArrayDeque<Connection> connections = idle.get(origin);
            return connections == null ? null : connections.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new connection, counted as open before the connect so that {@link #close()} can reach a
     * thread blocked in the connect too.
     */
    private Connection connect(Origin origin, URI url, long deadline, Duration timeout) throws IOException {
        var connection = new Connection(origin, new Socket());
        lock.lock();
        try {
            throwIfClosed();
            open.add(connection);
            connectionsOpened++;
        } finally {
            lock.unlock();
        }
        long left = deadline - System.nanoTime();
        boolean wholeTimeoutBinds = left < connectTimeout.toNanos();
        try {
            connection.socket.setTcpNoDelay(true); // a request is one small write: send it now
            connection.socket.connect(new InetSocketAddress(origin.host(), origin.port()),
                    millisAtLeastOne(wholeTimeoutBinds ? left : connectTimeout.toNanos()));
            connection.in = connection.socket.getInputStream();
            connection.out = connection.socket.getOutputStream();
            return connection;
        } catch (SocketTimeoutException e) {
            close(connection);
            if (wholeTimeoutBinds) {
                throw noWholeAnswer(url, timeout);
            }
            throw new ConnectException("no connection to " + origin + " within " + connectTimeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    /** After a whole response: back to the pool if it may carry another request, otherwise closed. */
    private void giveBack(Connection connection, HttpResponse response) {
        if (!response.keepAlive() || connection.leftOver) {
            close(connection);
            return;
        }
        connection.reused = true;
        lock.lock();
        try {
            ArrayDeque<Connection> connections = idle.computeIfAbsent(connection.origin, o -> new ArrayDeque<>());
            if (!closed && connections.size() < maxIdlePerOrigin) {
                connections.addFirst(connection);
                return;
            }
        } finally {
            lock.unlock();
        }
        close(connection); // the pool is full, or the client closed meanwhile
    }

    /** Closes one connection (idle or in use) and forgets it. */
    private void close(Connection connection) {
        lock.lock();
        try {
            open.remove(connection);
        } finally {
            lock.unlock();
        }
        connection.closeSocket();
    }

    private void throwIfClosed() throws SocketException {
        if (closed) {
            throw new SocketException("the HTTP client is closed");
        }
    }

    /**
     * Closes every connection, idle and in use: a thread blocked reading one wakes with a
     * {@link SocketException}, and fetches started afterwards fail at once. May be called from any
     * thread, any number of times.
     */
    @Override
    public void close() {
        List<Connection> toClose;
        lock.lock();
        try {
            closed = true;
            toClose = new ArrayList<>(open);
            open.clear();
            idle.clear();
        } finally {
            lock.unlock();
        }
        toClose.forEach(Connection::closeSocket); // outside the lock: closing is I/O
    }

    // ---------------------------------------------------------------- for tests

    /** How many connections this client has opened (for tests: keep-alive means few). */
    long connectionsOpened() {
        lock.lock();
        try {
            return connectionsOpened;
        } finally {
            lock.unlock();
        }
    }

    /** Idle connections kept for {@code url}'s origin right now. */
    int idleConnections(URI url) {
        lock.lock();
        try {
            ArrayDeque<Connection> connections = idle.get(Origin.of(url));
            return connections == null ? 0 : connections.size();
        } finally {
            lock.unlock();
        }
    }

    /** Connections open right now, idle or in use. */
    int openConnections() {
        lock.lock();
        try {
            return open.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SocketHttpClient[" + openConnections() + " open connections]";
    }

    // ---------------------------------------------------------------- pieces

    private static SocketTimeoutException noWholeAnswer(URI url, Duration timeout) {
        return new SocketTimeoutException("no whole answer from " + url + " within " + timeout.toMillis() + " ms");
    }

    private static int millisAtLeastOne(long nanos) {
        long millis = (nanos + 999_999) / 1_000_000; // rounded up: a timeout of 0 would mean "wait forever"
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /** Where a connection goes: scheme http, so host and port say it all. */
    private record Origin(String host, int port) {
        static Origin of(URI url) {
            return new Origin(url.getHost().toLowerCase(Locale.ROOT), url.getPort() == -1 ? 80 : url.getPort());
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Thrown inside {@link #get}: a reused connection had been closed by the server while idle. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the kept-alive connection had been closed by the server");
        }
    }

    /**
     * One TCP connection and what goes with it.
     *
     * <p><b>States</b> (an idle connection is in {@link #idle}; every connection until closed is in {@link #open}):
     * <pre>
     * CONNECTING --connected------------------------------------------&gt; IN USE (owned by the thread that made it)
     * IN USE     --whole answer, keep-alive, nothing left over, room---&gt; IDLE (in the pool; reused = true)
     * IDLE       --taken by a thread, most recent first----------------&gt; IN USE (owned by that thread)
     * IN USE     --failure, timeout, cut answer, not keep-alive, full--&gt; CLOSED
     * any        --client close()--------------------------------------&gt; CLOSED
     * </pre>
     * The fields other than {@link #socket} are touched only by the thread that owns the
     * connection; handing it over through the pool's lock makes its writes visible to the next
     * owner. {@link #socket} may be closed by any thread ({@link Socket#close} is thread-safe):
     * that is what wakes its owner.
     */
    private static final class Connection {
        final Origin origin;
        final Socket socket;
        final byte[] buffer = new byte[READ_BUFFER_BYTES];
        InputStream in;
        OutputStream out;
        boolean reused;   // has carried a whole exchange before: a clean close before any byte means "stale"
        boolean leftOver; // bytes came after the end of the last response: the connection cannot be trusted

        Connection(Origin origin, Socket socket) {
            this.origin = origin;
            this.socket = socket;
        }

        /**
         * Blocks until some bytes arrive (their count), the peer closes (-1), or the whole
         * answer's time is up. The read timeout is what is left of it, set anew for each read.
         */
        int read(long deadline, URI url, Duration timeout) throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw noWholeAnswer(url, timeout);
            }
            socket.setSoTimeout(millisAtLeastOne(left));
            try {
                return in.read(buffer); // HERE the thread sits: in the kernel (platform) or parked (virtual)
            } catch (SocketTimeoutException e) {
                throw noWholeAnswer(url, timeout);
            }
        }

        void closeSocket() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway: nothing more to do with it
            }
        }
    }
}
