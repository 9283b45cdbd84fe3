package paradigms.common.blocking;

import paradigms.common.trace.Trace;

import java.sql.SQLException;

/**
 * The {@code blocking} exercise: a library that blocks — JDBC — inside a paradigm that
 * should not stall.
 *
 * <p>Contract (checked by {@code BlockingContract}): every query answers once; at most
 * {@code maxConnections} connections are used; a paradigm that claims concurrent waiting
 * keeps its heartbeat ticking (the largest gap stays far below one query's duration), and the
 * database itself sees as many of the queries running at once as the connections allow (the
 * contract samples {@code pg_stat_activity}); one that does not, one at a time.
 * Run the queries with {@link SleepQuery}; tick a {@link Heartbeat}.
 */
public interface BlockingExercise {

    BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException;
}
