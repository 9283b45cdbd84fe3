package paradigms.greenlets;

import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The {@code blocking} exercise: plain JDBC on virtual threads, nothing offloaded.
 *
 * <p>An event loop must keep a blocking library off its one thread. Here there is nothing to
 * keep off: the JDBC driver reads its socket through the JDK's networking, which on a virtual
 * thread parks the thread instead of blocking the carrier, so the heartbeat — just another
 * virtual thread — keeps ticking on a free carrier while every query waits for PostgreSQL.
 *
 * <p>The bound is the connection pool (HikariCP): one virtual thread per query, and a query
 * that finds no free connection parks inside {@code getConnection()} until one is returned.
 * That is the "real bound" of any database work: the server has so many connections, however
 * many threads the client can afford.
 */
final class Blocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        try (HikariDataSource pool = openPool(request);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var heartbeat = new Heartbeat(); // started once the pool is up: the pool's start-up is not the exercise
            var allAnswered = new CountDownLatch(1);
            threads.submit(() -> {
                do {
                    heartbeat.tick();
                } while (!allAnswered.await(request.heartbeatInterval().toNanos(), TimeUnit.NANOSECONDS));
                return null;
            });

            List<Future<QueryAnswer>> answers = new ArrayList<>();
            for (int id = 0; id < request.queries(); id++) {
                int queryId = id;
                answers.add(threads.submit(() -> {
                    try (Connection connection = pool.getConnection(); // parks while all connections are out
                         var running = trace.begin(SpanNames.query(queryId))) {
                        return SleepQuery.run(connection, queryId, request.queryDuration());
                    }
                }));
            }
            try {
                List<QueryAnswer> answered = Tasks.joinAll(threads, answers, SQLException.class);
                return new BlockingResult(answered, heartbeat.stop());
            } finally {
                allAnswered.countDown(); // ends the heartbeat's loop
            }
        }
    }

    /**
     * A pool of at most {@code maxConnections}. A query may wait for a connection about as long
     * as the whole batch takes, so the wait limit grows with it (Hikari's default, 30 s, would
     * fail a long batch for no fault of the database).
     */
    private static HikariDataSource openPool(BlockingRequest request) {
        var config = new HikariConfig();
        config.setPoolName("greenlets-queries");
        config.setJdbcUrl(request.database().jdbcUrl());
        config.setUsername(request.database().user());
        config.setPassword(request.database().password());
        config.setMaximumPoolSize(request.maxConnections());
        long rounds = (request.queries() + request.maxConnections() - 1) / request.maxConnections();
        Duration batch = request.queryDuration().multipliedBy(rounds);
        config.setConnectionTimeout(batch.plusSeconds(30).toMillis());
        return new HikariDataSource(config);
    }
}
