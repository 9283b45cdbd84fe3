package paradigms.generators.http;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking TCP connection. Owned by one {@link Exchange} at a time, or idle in the
 * {@link ConnectionPool}; loop thread only.
 */
final class Connection implements AutoCloseable {

    final Origin origin;
    final SocketChannel channel;
    /** Whether it has carried an exchange before: a server may have closed it while it sat idle. */
    boolean reused;

    private Connection(Origin origin, SocketChannel channel) {
        this.origin = origin;
        this.channel = channel;
    }

    /**
     * Starts a non-blocking connect; {@link SocketChannel#finishConnect()} completes it once
     * the channel is writable (a loopback connect is often done at once).
     */
    static Connection open(Origin origin) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // a request is one small write: send it now
            channel.connect(origin.address());
            return new Connection(origin, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket that failed: nothing more to learn from it
        }
    }
}
