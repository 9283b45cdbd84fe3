package paradigms.generators.http;

import paradigms.common.http.HttpMethod;
import paradigms.common.http.HttpRequestWriter;
import paradigms.common.http.HttpResponse;
import paradigms.common.http.ResponseParser;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One GET as a coroutine: connect (or take an idle keep-alive connection), send the request,
 * read the response to its end. The steps read top to bottom, as in blocking code; where
 * blocking code would block, this one returns {@code untilWritable(channel)} or
 * {@code untilReadable(channel)}, and its task resumes it at the same state when the loop
 * says the channel is ready. Set it beside the callbacks chapter's client: the same I/O, but
 * one object in one place instead of a chain of callbacks, and the errors of every step
 * come out of one method.
 *
 * <p>The protocol is not here either: the request's bytes come from the course's
 * {@link HttpRequestWriter} and the answer's bytes go to its {@link ResponseParser}, the
 * sans-I/O codec that the callbacks chapter and the blocking chapters drive too. This
 * coroutine only moves bytes, and yields where the others block or register a callback.
 *
 * <p>States:
 * <pre>
 * START      -> CONNECTING: a new connection, its connect still under way
 * START      -> SENDING:    an idle connection from the pool, or a connect that was done at once
 * CONNECTING -> SENDING:    the channel became writable and finishConnect() succeeded
 * SENDING    -> SENDING:    the socket's buffer was full: wait until writable, write the rest
 * SENDING    -> RECEIVING:  the whole request is out: wait until readable
 * RECEIVING  -> RECEIVING:  the response is not complete yet: wait until readable again
 * RECEIVING  -> DONE:       the response is complete; the connection goes back to the pool
 *                           when the codec's answer says the server keeps it alive
 * SENDING, RECEIVING -> START: a reused connection failed before one byte of the answer
 *                           came (the server had closed it while it was idle): once, on a new one
 * </pre>
 * {@link #cleanUp()} — the {@code finally} — closes a connection that was not given back:
 * after an error, and after a cancellation such as a timeout, when the connection is
 * somewhere in the middle of an exchange and can never be reused.
 *
 * <p>Only GET, no request body; 3xx answers are returned with their {@code Location}, not followed.
 */
final class Exchange extends Coroutine<HttpResponse> {

    private enum State { START, CONNECTING, SENDING, RECEIVING, DONE }

    private final ConnectionPool pool;
    private final ByteBuffer readBuffer; // shared by every exchange of the client: used only inside one resume
    private final URI url;
    private ByteBuffer request; // written at the first START, so that a URL the writer refuses fails the coroutine, not get()
    private State state = State.START;
    private Connection connection; // ours from START until given back to the pool or closed
    private ResponseParser parser;
    private boolean retried;

    Exchange(ConnectionPool pool, ByteBuffer readBuffer, URI url) {
        this.pool = pool;
        this.readBuffer = readBuffer;
        this.url = url;
    }

    @Override
    protected Step<HttpResponse> resume(Object sent) throws IOException {
        try {
            return switch (state) {
                case START -> start();
                case CONNECTING -> connecting();
                case SENDING -> sending();
                case RECEIVING -> receiving();
                case DONE -> throw new IllegalStateException("resumed after the response was complete");
            };
        } catch (IOException failure) {
            if (!mayTryAgain()) {
                throw failure;
            }
            retried = true;
            connection.close();
            connection = null;
            return start();
        }
    }

    private Step<HttpResponse> start() throws IOException {
        Origin origin = Origin.of(url);
        if (request == null) { // the first START, not a retry
            request = ByteBuffer.wrap(HttpRequestWriter.get(url, true)); // Connection: keep-alive
        }
        connection = pool.take(origin);
        if (connection == null) {
            connection = Connection.open(origin);
            pool.opened();
            if (connection.channel.isConnectionPending()) {
                state = State.CONNECTING;
                return untilWritable(connection.channel);
            }
        }
        return startSending();
    }

    private Step<HttpResponse> connecting() throws IOException {
        if (!connection.channel.finishConnect()) { // throws ConnectException if refused
            return untilWritable(connection.channel);
        }
        return startSending();
    }

    private Step<HttpResponse> startSending() throws IOException {
        request.rewind();
        parser = new ResponseParser(HttpMethod.GET);
        state = State.SENDING;
        return sending();
    }

    private Step<HttpResponse> sending() throws IOException {
        connection.channel.write(request);
        if (request.hasRemaining()) {
            return untilWritable(connection.channel);
        }
        state = State.RECEIVING;
        return untilReadable(connection.channel); // the server has had no time to answer yet: do not try to read
    }

    private Step<HttpResponse> receiving() throws IOException {
        SocketChannel channel = connection.channel;
        while (true) {
            readBuffer.clear();
            int read = channel.read(readBuffer);
            if (read == 0) {
                return untilReadable(channel);
            }
            if (read < 0) {
                parser.endOfInput(); // a body framed by the close ends here; anything else throws a ProtocolException
                return finish(false);
            }
            readBuffer.flip();
            if (parser.feed(readBuffer)) { // it copies out what it takes: the buffer is free again
                return finish(!readBuffer.hasRemaining()); // bytes after the response: out of step, do not reuse
            }
            if (read < readBuffer.capacity()) {
                return untilReadable(channel); // the socket is drained: a read now would return 0
            }
        }
    }

    private Step<HttpResponse> finish(boolean reusable) {
        state = State.DONE;
        if (reusable && parser.response().keepAlive()) {
            pool.giveBack(connection);
        } else {
            connection.close();
        }
        connection = null;
        return returning(parser.response());
    }

    /** Only a reused connection, only once, and only if not one byte of the answer came: nothing was half done. */
    private boolean mayTryAgain() {
        return !retried && connection != null && connection.reused
                && (state == State.SENDING || state == State.RECEIVING) && !parser.receivedAnyByte();
    }

    @Override
    protected void cleanUp() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public String state() {
        return state.name();
    }

    @Override
    public String name() {
        return "GET " + target(url);
    }

    private static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
