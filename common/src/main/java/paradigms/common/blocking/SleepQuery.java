package paradigms.common.blocking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The blocking library call of the exercise: a query that sleeps in the server and echoes a
 * number. JDBC blocks the calling thread for the whole {@code pg_sleep}.
 */
public final class SleepQuery {

    public static final String SQL = "SELECT ?::int AS id, pg_backend_pid() AS pid, pg_sleep(?)";

    private SleepQuery() {
    }

    public static QueryAnswer run(Connection connection, int id, Duration sleep) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, id);
            statement.setDouble(2, sleep.toNanos() / 1e9);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("query " + id + " returned no row");
                }
                return new QueryAnswer(row.getInt("id"), row.getInt("pid"));
            }
        }
    }
}
