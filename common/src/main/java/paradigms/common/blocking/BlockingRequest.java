package paradigms.common.blocking;

import paradigms.common.Check;

import java.time.Duration;

/**
 * Run {@code queries} slow queries through a blocking library (JDBC) while a heartbeat
 * keeps ticking.
 *
 * @param database          where to run them
 * @param queries           how many; query i answers i
 * @param queryDuration     how long each query sleeps in the server ({@code pg_sleep})
 * @param maxConnections    the most database connections open at once
 * @param heartbeatInterval how often the heartbeat ticks
 */
public record BlockingRequest(Database database, int queries, Duration queryDuration, int maxConnections,
                              Duration heartbeatInterval) {

    public BlockingRequest {
        Check.notNull("database", database);
        Check.positive("queries", queries);
        Check.positive("queryDuration", queryDuration);
        Check.positive("maxConnections", maxConnections);
        Check.positive("heartbeatInterval", heartbeatInterval);
    }
}
