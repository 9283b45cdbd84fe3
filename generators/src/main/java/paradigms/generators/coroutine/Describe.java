package paradigms.generators.coroutine;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** Short descriptions of what a task waits for, for the scheduler's dump and for names. */
final class Describe {

    private Describe() {
    }

    static String channel(SelectableChannel channel) {
        if (channel instanceof SocketChannel socket) {
            try {
                var remote = socket.getRemoteAddress();
                return "socket to " + (remote == null ? "nowhere yet" : remote.toString().replaceFirst("^[^/]*/", ""));
            } catch (IOException closed) {
                return "closed socket";
            }
        }
        return channel.getClass().getSimpleName();
    }

    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos >= 1_000_000_000 && nanos % 1_000_000_000 == 0) {
            return nanos / 1_000_000_000 + " s";
        }
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + " ms" : nanos / 1_000 + " µs";
    }
}
