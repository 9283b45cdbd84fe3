package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.blocking.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * A fixed set of JDBC connections, opened before the work starts and lent to one thread at
 * a time: the size of the set is the connection limit. The smallest thing that deserves the
 * name "pool" — HikariCP would do, and more, but this fits in one screen.
 *
 * <p><b>Why open them first:</b> connecting is work — a TCP handshake, SCRAM's 4,096 rounds
 * of PBKDF2, and in a fresh JVM the loading of the driver's classes. It is done before the
 * heartbeat starts, in every version of the exercise, so that the heartbeat measures what
 * the exercise is about: the queries.
 *
 * <p><b>Threads:</b> {@link #borrow} is called on the JDBC executor's threads and may block
 * one of them in {@code take()} — but the executor has as many threads as the pool has
 * connections, so a free connection is always there. The queue is the only shared state and
 * is thread-safe.
 */
final class JdbcPool implements AutoCloseable {

    /** A piece of JDBC work done with a borrowed connection. */
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final List<Connection> all;
    private final BlockingQueue<Connection> idle;

    private JdbcPool(List<Connection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    /** Opens {@code size} connections at once on {@code executor}'s threads; if one fails, closes the others. */
    static CompletableFuture<JdbcPool> open(Database database, int size, Executor executor) {
        List<CompletableFuture<Connection>> opening = IntStream.range(0, size)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> connect(database), executor))
                .toList();
        return Futures.gather(opening)
                .whenComplete((opened, error) -> {
                    if (error != null) { // allOf waited for all of them: close those that did open
                        opening.stream().filter(f -> !f.isCompletedExceptionally()).forEach(f -> closeQuietly(f.join()));
                    }
                })
                .thenApply(JdbcPool::new);
    }

    /** Runs {@code work} with a connection of the pool, and gives the connection back. */
    <T> T borrow(Work<T> work) throws SQLException, InterruptedException {
        Connection connection = idle.take();
        try {
            return work.apply(connection);
        } finally {
            idle.add(connection);
        }
    }

    /** Closes every connection; call it once nobody borrows any more. */
    @Override
    public void close() {
        all.forEach(JdbcPool::closeQuietly);
    }

    private static Connection connect(Database database) {
        try {
            return database.connect();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after the work is done: nothing left to save, and the server drops the session anyway.
        }
    }
}
