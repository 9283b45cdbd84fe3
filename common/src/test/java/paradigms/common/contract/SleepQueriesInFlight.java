package paradigms.common.contract;

import paradigms.common.blocking.Database;
import paradigms.common.blocking.SleepQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's own view of a {@code blocking} run: how many sessions were running the
 * exercise's sleep query at the same moment, at most. A monitoring connection of its own asks
 * {@code pg_stat_activity} every few milliseconds, from its own thread, for the other sessions
 * that are {@code active} in that query — so what is counted is what the server was doing, not
 * what the code under test says it did.
 *
 * <p>Each query sleeps hundreds of milliseconds in the server, a sample takes about one: queries
 * that really wait at the same time are seen at the same time. (Each sample is a transaction of
 * its own — JDBC's auto-commit — so each sees a fresh snapshot of the statistics.)
 *
 * <p>Threads: one sampler thread, {@code pg-activity}, from {@link #watch} to {@link #close}.
 * A sample that fails is kept and thrown by {@code close}, so that it reaches the test.
 */
public final class SleepQueriesInFlight implements AutoCloseable {

    /** The sessions, other than this one, running the sleep query now: its text holds the part given as the parameter. */
    private static final String ACTIVE_SLEEPERS = """
            SELECT count(*) FROM pg_stat_activity
            WHERE state = 'active' AND pid <> pg_backend_pid() AND strpos(query, ?) > 0""";
    /**
     * A part of {@link SleepQuery#SQL} without its parameters (the driver sends them as $1, $2):
     * from {@code pg_backend_pid()} to {@code pg_sleep(}. Taken from the query itself, so that the
     * two cannot drift apart.
     */
    private static final String SLEEP_QUERY_PART = SleepQuery.SQL.substring(
            SleepQuery.SQL.indexOf("pg_backend_pid()"), SleepQuery.SQL.indexOf("pg_sleep(") + "pg_sleep(".length());
    private static final long SAMPLE_EVERY_MILLIS = 5;

    private final Connection monitor;
    private final PreparedStatement sample;                        // used by the sampler thread only
    private final ScheduledExecutorService sampler;
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicReference<SQLException> failure = new AtomicReference<>();

    private SleepQueriesInFlight(Connection monitor) throws SQLException {
        this.monitor = monitor;
        this.sample = monitor.prepareStatement(ACTIVE_SLEEPERS);
        sample.setString(1, SLEEP_QUERY_PART);
        this.sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pg-activity").factory());
        sampler.scheduleWithFixedDelay(this::sampleOnce, 0, SAMPLE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling {@code database}; close to stop. */
    public static SleepQueriesInFlight watch(Database database) throws SQLException {
        Connection monitor = database.connect();
        try {
            return new SleepQueriesInFlight(monitor);
        } catch (SQLException | RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    private void sampleOnce() {
        try (ResultSet row = sample.executeQuery()) {
            row.next();
            most.accumulateAndGet(row.getInt(1), Math::max);
            samples.incrementAndGet();
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
            throw new IllegalStateException(e); // ends the sampling: one failure is enough to report
        }
    }

    /** The most sleep queries the server ran at the same moment, so far. */
    public int most() {
        return most.get();
    }

    /** How many samples were taken: a check on the monitor itself. */
    public int samples() {
        return samples.get();
    }

    /** Stops sampling, closes the monitoring connection; throws the first failed sample, if any. */
    @Override
    public void close() throws SQLException, InterruptedException {
        sampler.shutdown();
        try {
            if (!sampler.awaitTermination(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
                sampler.shutdownNow();
            }
        } finally {
            monitor.close();
        }
        SQLException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public String toString() {
        return most() + " at most, in " + samples() + " samples";
    }
}
