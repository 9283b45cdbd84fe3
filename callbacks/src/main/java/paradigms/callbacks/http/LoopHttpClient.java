package paradigms.callbacks.http;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Timer;
import paradigms.common.http.HttpMethod;
import paradigms.common.http.HttpRequestWriter;
import paradigms.common.http.HttpResponse;
import paradigms.common.http.ResponseParser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A non-blocking HTTP/1.1 client written in callbacks, on an {@link EventLoop}: GET only,
 * plain HTTP, {@code Content-Length} and chunked bodies, keep-alive connections reused per
 * origin, a timeout per request, and every failure delivered to the failure callback.
 *
 * <p>The protocol is not here. The request's bytes come from the course's
 * {@link HttpRequestWriter}, and the answer's bytes go to its {@link ResponseParser} — the same
 * sans-I/O codec that the blocking chapters drive from a thread sitting in {@code read()}. This
 * class only moves bytes and decides how to wait: it registers a readiness callback and
 * returns, and the loop calls it back when the socket has bytes (see {@code readSome}).
 *
 * <p>It follows no redirect: a 3xx is a response like any other, with its {@code Location}
 * header (the crawler follows redirects itself, and must see them).
 *
 * <h2>Threads</h2>
 * Everything runs on the loop thread: {@link #get} must be called there (or before the loop
 * runs), and both callbacks are called there. {@code get} never calls back before it
 * returns — an immediate failure too is delivered on a later tick — so the caller's code
 * after {@code get} always runs before its callbacks (calling back "sometimes now, sometimes
 * later" is a classic source of callback bugs).
 *
 * <h2>One request (an {@code Exchange})</h2>
 * <pre>
 *   NEW --(idle connection to the origin)--> SENDING
 *   NEW --(none)--> CONNECTING --writable, finishConnect()--> SENDING
 *   SENDING --whole request written (writable callbacks while the socket buffer is full)--> RECEIVING
 *   RECEIVING --readable: bytes into the ResponseParser, again until complete--> DONE (response)
 *   any state --timeout timer, I/O error, end of stream mid-response, bad bytes--> DONE (failure)
 *   any state --cancelAll(), close()--> DONE (failure: CancelledException)
 * </pre>
 * Reaching DONE undoes everything the exchange had registered with the loop: the timeout
 * timer is cancelled, the channel's readiness callbacks are removed, and the connection is
 * closed or returned to the pool — returned only when the codec's answer says the server keeps
 * it alive ({@link HttpResponse#keepAlive()}) and no byte beyond the response came. So a loop whose
 * exchanges are all DONE has no work left from this client, and {@code run()} can return.
 *
 * <p>A kept-alive connection the server has meanwhile closed fails before any byte of the answer
 * arrives; then, and only then, the request is sent once more on a new connection (a GET is
 * idempotent, and the server cannot have answered it). Once a byte has arrived, never.
 *
 * <p>Teaching shortcuts, labelled: host names are resolved with a blocking lookup on the loop
 * thread (the exercises use 127.0.0.1, which needs no lookup; asyncio sends
 * {@code getaddrinfo} to a thread pool); idle connections are not watched, so one the server
 * closed is found out only when reused; no HTTPS, no request bodies, no compression.
 */
public final class LoopHttpClient implements AutoCloseable {

    /** Idle connections kept per origin. A real client makes this configurable; here it is fixed, large enough for C = 1,000. */
    private static final int MAX_IDLE_PER_ORIGIN = 2_048;
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final EventLoop loop;

    // Loop thread only.
    private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
    private final Map<Origin, InetSocketAddress> addresses = new HashMap<>();
    private final Set<Exchange> inProgress = new HashSet<>();
    /**
     * ONE read buffer for every connection. A thread-per-connection client needs a buffer per
     * thread; here one thread does all the reading, one read at a time, and the parser copies
     * out what it keeps before the next read — so 1,000 connections cost one buffer, which
     * stays in the CPU's cache. Direct, so that the channel reads into it without an extra copy.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private int connectionsOpened;
    private int writesThatWaited;
    private boolean closed;

    public LoopHttpClient(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * Sends {@code GET url}. Exactly one of the callbacks is called, once, on the loop thread:
     * {@code onResponse} with the whole response (whatever its status), or {@code onFailure}
     * with why there is none — {@link java.net.ConnectException} (refused),
     * {@link java.net.SocketException} (reset), {@link SocketTimeoutException} (no whole
     * response within {@code timeout}), {@link ProtocolException} (not HTTP, or the connection
     * closed mid-response: the codec's message says where it was cut). Loop thread only.
     */
    public void get(URI url, Duration timeout, Consumer<HttpResponse> onResponse, Consumer<IOException> onFailure) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onResponse, "onResponse");
        Objects.requireNonNull(onFailure, "onFailure");
        var exchange = new Exchange(url, onResponse, onFailure);
        inProgress.add(exchange);
        exchange.timeout = loop.callLater(timeout, () -> exchange.fail(new SocketTimeoutException(
                "no whole response from " + url + " within " + timeout.toMillis() + " ms")));
        exchange.start(); // connects or writes, but calls nothing back: see fail() and succeed()
    }

    /** How many TCP connections this client has opened: with keep-alive, far fewer than requests. */
    public int connectionsOpened() {
        return connectionsOpened;
    }

    /**
     * How many times a request did not fit in the socket's send buffer, so that its writer
     * waited for a writable callback to send the rest. Package-private: a test checks that
     * this path is taken (requests are small, and on loopback it almost never is).
     */
    int writesThatWaited() {
        return writesThatWaited;
    }

    /** How many requests are in progress: sent or being sent, and not yet answered, failed or cancelled. */
    public int inProgress() {
        return inProgress.size();
    }

    /**
     * Cancels every request in progress: its timeout timer is cancelled, its channel's
     * readiness callbacks are removed and the channel is closed (the server sees the
     * connection close), and its failure callback is called with a {@link CancelledException}
     * on a later tick — never inside this call, so a failure callback that starts another
     * request cannot add to the set being cancelled. After it, nothing of those requests is
     * left in the loop but those failure callbacks; idle kept-alive connections stay in the
     * pool (see {@link #close()}). Loop thread only (or after the loop returned).
     *
     * @return how many requests were cancelled
     */
    public int cancelAll(String why) {
        List<Exchange> cancelled = new ArrayList<>(inProgress);
        for (Exchange exchange : cancelled) {
            exchange.fail(new CancelledException(exchange.url + ": " + why));
        }
        return cancelled.size();
    }

    /** Cancels the requests still in progress ({@link #cancelAll}) and closes every connection. Loop thread only (or after the loop returned). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelAll("the HTTP client was closed");
        for (ArrayDeque<Connection> connections : idle.values()) {
            connections.forEach(Connection::close);
        }
        idle.clear();
    }

    /** The failure of a request that {@link #cancelAll} (or {@link #close()}) stopped: not the server's fault, nor the network's. */
    public static final class CancelledException extends IOException {
        CancelledException(String message) {
            super(message);
        }
    }

    /** Scheme-less origin: host and port (only http:// is spoken). */
    private record Origin(String host, int port) {
        static Origin of(URI url) {
            return new Origin(url.getHost().toLowerCase(Locale.ROOT), url.getPort() == -1 ? 80 : url.getPort());
        }
    }

    /** One TCP connection: IDLE in the pool, or BUSY with one exchange; CLOSED at the end. */
    private final class Connection {
        final Origin origin;
        final SocketChannel channel;

        Connection(Origin origin, SocketChannel channel) {
            this.origin = origin;
            this.channel = channel;
        }

        void close() {
            loop.removeInterest(channel); // a callback left on a closed channel would never run
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private Connection idleConnection(Origin origin) {
        ArrayDeque<Connection> connections = idle.get(origin);
        return connections == null ? null : connections.pollLast(); // the most recently used is the likeliest alive
    }

    private void release(Connection connection) {
        ArrayDeque<Connection> connections = idle.computeIfAbsent(connection.origin, o -> new ArrayDeque<>());
        if (closed || connections.size() >= MAX_IDLE_PER_ORIGIN) {
            connection.close();
        } else {
            connections.addLast(connection);
        }
    }

    /** One request and its response; see the state machine in the class comment. */
    private final class Exchange {
        final URI url;
        final Consumer<HttpResponse> onResponse;
        final Consumer<IOException> onFailure;
        Timer timeout;

        Connection connection;
        ByteBuffer request;
        ResponseParser parser;
        boolean onReusedConnection;
        boolean retried;
        boolean done;

        Exchange(URI url, Consumer<HttpResponse> onResponse, Consumer<IOException> onFailure) {
            this.url = url;
            this.onResponse = onResponse;
            this.onFailure = onFailure;
        }

        void start() {
            if (closed) {
                fail(new CancelledException(url + ": the HTTP client was closed"));
                return;
            }
            if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                // A failure like any other, delivered to the callback; the request writer would throw.
                fail(new ProtocolException("this teaching client speaks plain http:// only: " + url));
                return;
            }
            request = ByteBuffer.wrap(HttpRequestWriter.get(url, true)); // Connection: keep-alive
            Origin origin = Origin.of(url);
            Connection reusable = idleConnection(origin);
            if (reusable != null) {
                send(reusable, true);
            } else {
                connect(origin);
            }
        }

        void connect(Origin origin) {
            SocketChannel channel = null;
            try {
                InetSocketAddress address = addresses.computeIfAbsent(origin, o -> new InetSocketAddress(o.host(), o.port()));
                if (address.isUnresolved()) {
                    throw new UnknownHostException(origin.host());
                }
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // a request is one small write: send it now
                connection = new Connection(origin, channel);
                connectionsOpened++;
                if (channel.connect(address) || channel.finishConnect()) {
                    send(connection, false); // on loopback the handshake is often over before connect() returns
                } else {
                    loop.onWritable(channel, this::connected);
                }
            } catch (IOException e) {
                if (channel != null && connection == null) {
                    closeQuietly(channel);
                }
                fail(e);
            }
        }

        void connected() {
            try {
                if (connection.channel.finishConnect()) {
                    send(connection, false);
                } else {
                    loop.onWritable(connection.channel, this::connected);
                }
            } catch (IOException e) {
                fail(e); // typically ConnectException: Connection refused
            }
        }

        void send(Connection on, boolean reused) {
            connection = on;
            onReusedConnection = reused;
            parser = new ResponseParser(HttpMethod.GET);
            request.rewind();
            writeSome();
        }

        void writeSome() {
            try {
                connection.channel.write(request);
            } catch (IOException e) {
                failOrRetry(e);
                return;
            }
            if (request.hasRemaining()) {
                writesThatWaited++;
                loop.onWritable(connection.channel, this::writeSome); // the socket's send buffer is full
            } else {
                loop.onReadable(connection.channel, this::readSome);
            }
        }

        void readSome() {
            ByteBuffer buffer = readBuffer; // shared by all connections: see its declaration
            while (true) {
                buffer.clear();
                int read;
                try {
                    read = connection.channel.read(buffer);
                } catch (IOException e) {
                    failOrRetry(e); // e.g. "Connection reset"
                    return;
                }
                if (read < 0) {
                    try {
                        parser.endOfInput(); // completes a body that runs until the close; anything else was cut short
                    } catch (ProtocolException cut) {
                        failOrRetry(cut); // before any byte, on a reused connection: the server had closed it
                        return;
                    }
                    succeed(false);
                    return;
                }
                boolean complete;
                buffer.flip();
                try {
                    complete = parser.feed(buffer); // takes every byte it needs: the buffer can be reused at once
                } catch (ProtocolException e) {
                    fail(e);
                    return;
                }
                if (complete) {
                    // The codec says whether the server keeps the connection; bytes beyond the response
                    // would belong to no request, so such a connection is not reused either.
                    succeed(parser.response().keepAlive() && !buffer.hasRemaining());
                    return;
                }
                if (read < buffer.capacity()) {
                    // The socket had less than the buffer could take: it is drained. Wait for more
                    // instead of paying for one more read() that would return 0.
                    loop.onReadable(connection.channel, this::readSome);
                    return;
                }
            }
        }

        /** Only ever called from a readable callback, so never inside get(). */
        void succeed(boolean reusable) {
            done = true;
            timeout.cancel();
            inProgress.remove(this);
            if (reusable) {
                release(connection);
            } else {
                connection.close();
            }
            onResponse.accept(parser.response());
        }

        /** A kept-alive connection that turned out dead before any answer: once, on a new connection. */
        void failOrRetry(IOException error) {
            if (onReusedConnection && !retried && !parser.receivedAnyByte() && !done) {
                retried = true;
                connection.close();
                connection = null;
                connect(Origin.of(url));
                return;
            }
            fail(error);
        }

        void fail(IOException error) {
            if (done) {
                return;
            }
            done = true;
            timeout.cancel();
            inProgress.remove(this);
            if (connection != null) {
                connection.close(); // in an unknown state: never reused
            }
            // On a later tick: fail() may run inside get() (a refused scheme, a failed socket()),
            // and a callback must never run before get() has returned.
            loop.callSoon(() -> onFailure.accept(error));
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
