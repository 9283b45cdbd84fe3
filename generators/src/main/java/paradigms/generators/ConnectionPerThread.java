package paradigms.generators;

import paradigms.common.blocking.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JDBC connection per worker thread, opened on the worker the first time it needs one
 * (opening a connection blocks too: never on the loop thread). With a fixed pool of K
 * workers, at most K connections. Thread-safe: workers add, the owner closes at the end.
 */
final class ConnectionPerThread implements AutoCloseable {

    private final Database database;
    private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

    ConnectionPerThread(Database database) {
        this.database = database;
    }

    /** The calling worker's connection. */
    Connection current() throws SQLException {
        Connection connection = connections.get(Thread.currentThread());
        if (connection == null) {
            connection = database.connect();
            connections.put(Thread.currentThread(), connection);
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        connections.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
