package paradigms.generators.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle keep-alive connections, per origin, last in first out (the most recently used is the
 * least likely to have been closed by the server). Loop thread only, so a plain map.
 * An idle connection is not registered with the loop: it costs a file descriptor, not a wake-up.
 */
final class ConnectionPool implements AutoCloseable {

    private final Map<Origin, ArrayDeque<Connection>> idle = new HashMap<>();
    private int opened;

    /** An idle connection to {@code origin}, or null. */
    Connection take(Origin origin) {
        ArrayDeque<Connection> connections = idle.get(origin);
        Connection connection;
        while (connections != null && (connection = connections.pollLast()) != null) {
            if (connection.channel.isOpen()) {
                return connection;
            }
        }
        return null;
    }

    void opened() {
        opened++;
    }

    /** Takes back a connection whose response was read to the end. */
    void giveBack(Connection connection) {
        connection.reused = true;
        idle.computeIfAbsent(connection.origin, o -> new ArrayDeque<>()).addLast(connection);
    }

    int connectionsOpened() {
        return opened;
    }

    int idleConnections() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    @Override
    public void close() {
        idle.values().forEach(connections -> connections.forEach(Connection::close));
        idle.clear();
    }
}
