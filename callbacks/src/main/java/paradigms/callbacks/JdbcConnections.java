package paradigms.callbacks;

import paradigms.common.blocking.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest pool that keeps to a connection limit: opened lazily, at most {@code max},
 * borrowed and given back by the JDBC worker threads.
 *
 * <p>Thread safety: any thread; the queues and the counter are thread-safe. With as many
 * workers as connections (as {@link Blocking} sets it up), {@link #borrow()} never
 * has to wait. A production program would use a real pool (HikariCP, as the threading
 * chapter does); this one is small enough to read, which is the point here.
 */
final class JdbcConnections implements AutoCloseable {

    private final Database database;
    private final int max;
    private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final AtomicInteger openedCount = new AtomicInteger();

    JdbcConnections(Database database, int max) {
        this.database = database;
        this.max = max;
    }

    /** An idle connection, a new one while fewer than {@code max} are open, or else the next given back. Blocks. */
    Connection borrow() throws SQLException, InterruptedException {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (openedCount.incrementAndGet() <= max) {
            try {
                connection = database.connect();
            } catch (SQLException | RuntimeException e) {
                openedCount.decrementAndGet();
                throw e;
            }
            opened.add(connection);
            return connection;
        }
        openedCount.decrementAndGet();
        return idle.take();
    }

    void giveBack(Connection connection) {
        idle.add(connection);
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
