package paradigms.threading;

import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code blocking} on platform threads: for this chapter a blocking library is no pitfall at
 * all. JDBC blocks the thread that calls it, and that is what threads are for: each query
 * gets one, and the heartbeat has its own, which the kernel keeps scheduling however many
 * others are stuck in {@code pg_sleep}.
 *
 * <p><b>Threads and resources</b> (all made and closed by one call):
 * <ul>
 *   <li>{@code heartbeat-1}: a {@link ScheduledExecutorService} thread that ticks the
 *       {@link Heartbeat} every interval;</li>
 *   <li>a HikariCP pool of at most {@code maxConnections} connections (its own housekeeping
 *       threads come and go with it);</li>
 *   <li>{@code query-1 … query-M}, M = {@code maxConnections}: each borrows a connection,
 *       runs one query, gives it back, takes the next query.</li>
 * </ul>
 * Why both limits: the pool alone would bound the connections, but M+ threads would then
 * queue inside {@code getConnection()}; with exactly M threads nobody waits for a connection.
 */
final class Blocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        var heartbeat = new Heartbeat();
        List<QueryAnswer> answers;
        try (ScheduledExecutorService pulse = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("heartbeat-", 1).factory())) {
            long every = request.heartbeatInterval().toNanos();
            pulse.scheduleAtFixedRate(heartbeat::tick, 0, every, TimeUnit.NANOSECONDS);
            answers = queryAll(request, trace);
        } // close(): shutdown cancels the periodic tick, then waits for the thread to end
        return new BlockingResult(answers, heartbeat.stop());
    }

    private static List<QueryAnswer> queryAll(BlockingRequest request, Trace trace)
            throws InterruptedException, SQLException {
        int threads = Math.min(request.maxConnections(), request.queries());
        try (HikariDataSource pool = newPool(request);
             ExecutorService workers = Threads.fixedPool("query", threads)) {
            List<Future<QueryAnswer>> pending = new ArrayList<>();
            for (int id = 0; id < request.queries(); id++) {
                int queryId = id;
                pending.add(workers.submit(() -> query(pool, queryId, request, trace)));
            }
            List<QueryAnswer> answers = new ArrayList<>(pending.size());
            for (Future<QueryAnswer> answer : pending) {
                answers.add(awaitQuery(answer));
            }
            return answers;
        }
    }

    /** Runs on a query thread, which blocks in JDBC for the whole {@code pg_sleep}. */
    private static QueryAnswer query(HikariDataSource pool, int id, BlockingRequest request, Trace trace)
            throws SQLException {
        try (Connection connection = pool.getConnection(); // back to the pool on close
             var running = trace.begin(SpanNames.query(id))) {
            return SleepQuery.run(connection, id, request.queryDuration());
        }
    }

    /**
     * A pool sized to the limit. Teaching shortcut: HikariCP's other settings keep their
     * defaults (it opens all {@code maxConnections} connections up front, and waits up to 30 s
     * for a free one); a real application tunes them.
     */
    private static HikariDataSource newPool(BlockingRequest request) {
        var config = new HikariConfig();
        config.setJdbcUrl(request.database().jdbcUrl());
        config.setUsername(request.database().user());
        config.setPassword(request.database().password());
        config.setMaximumPoolSize(request.maxConnections());
        config.setPoolName("threading-blocking");
        return new HikariDataSource(config);
    }

    /** Like {@link Threads#await}, but a query's {@link SQLException} comes back as itself. */
    private static QueryAnswer awaitQuery(Future<QueryAnswer> answer) throws InterruptedException, SQLException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw Threads.rethrow(e.getCause());
        }
    }
}
