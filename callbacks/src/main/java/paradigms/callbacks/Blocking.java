package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Repeating;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code blocking} the way an event loop must call a blocking library: not on the loop.
 * Each JDBC query runs on a bounded pool of worker threads (as many as connections) through
 * {@link EventLoop#runInExecutor} — asyncio's {@code run_in_executor} — and its answer comes
 * back to the loop as a callback. The loop thread itself only runs the heartbeat, a repeating
 * timer, which therefore keeps ticking.
 *
 * <p>See {@link NaiveBlocking} for what happens when the query runs on the loop instead.
 */
final class Blocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws SQLException {
        var heartbeat = new Heartbeat();
        QueryAnswer[] answers = new QueryAnswer[request.queries()];
        Throwable[] firstError = new Throwable[1];
        ExecutorService jdbcWorkers = Executors.newFixedThreadPool(request.maxConnections(),
                Thread.ofPlatform().name("jdbc-worker-", 0).factory());
        try (var connections = new JdbcConnections(request.database(), request.maxConnections());
             var loop = new EventLoop()) {
            var beat = Repeating.every(loop, request.heartbeatInterval(), heartbeat::tick);
            int[] outstanding = {request.queries()};
            for (int i = 0; i < request.queries(); i++) {
                int id = i;
                loop.runInExecutor(jdbcWorkers, () -> {
                    try (var span = trace.begin(SpanNames.query(id))) { // on a worker: blocking here is fine
                        Connection connection = connections.borrow();
                        try {
                            return SleepQuery.run(connection, id, request.queryDuration());
                        } finally {
                            connections.giveBack(connection);
                        }
                    }
                }, (answer, error) -> { // on the loop thread
                    answers[id] = answer;
                    if (error != null && firstError[0] == null) {
                        firstError[0] = error;
                    }
                    if (--outstanding[0] == 0) {
                        beat.cancel(); // the last piece of work: run() returns
                    }
                });
            }
            loop.run();
        } finally {
            jdbcWorkers.shutdownNow();
            jdbcWorkers.close();
        }
        HeartbeatStats stats = heartbeat.stop();
        rethrow(firstError[0]);
        return new BlockingResult(Arrays.asList(answers), stats);
    }

    static void rethrow(Throwable error) throws SQLException {
        switch (error) {
            case null -> {
            }
            case SQLException sql -> throw sql;
            case RuntimeException runtime -> throw runtime;
            case Error fatal -> throw fatal;
            default -> throw new SQLException("a query failed", error);
        }
    }
}
