package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * {@code blocking}, the usual way out: JDBC cannot help blocking, so the blocking calls are
 * offloaded with {@code supplyAsync} to a small executor of their own — asyncio's
 * {@code loop.run_in_executor(pool, …)}.
 *
 * <p><b>Threads:</b>
 * <ul>
 *   <li>the "loop", a single-threaded scheduler, ticks the heartbeat and receives every
 *       answer ({@code thenApplyAsync(…, loop)}): it stands for the thread an event loop
 *       must keep free. It never calls JDBC;</li>
 *   <li>the JDBC executor has {@code maxConnections} threads and the {@link JdbcPool} as many
 *       connections: that bounds the connections. Its threads block in {@code pg_sleep} —
 *       they are there to be blocked.</li>
 * </ul>
 * Offloading does not make JDBC asynchronous: 1,000 concurrent queries would still need
 * 1,000 blocked threads (or wait in the executor's queue). {@link VertxPgQueries} does the
 * same work without blocking any thread.
 */
final class Blocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        // Closed in reverse order: the connections (no query uses them any more; after an interrupt,
        // closing them ends the queries still running), the loop, then the JDBC threads.
        try (ExecutorService jdbc = Executors.newFixedThreadPool(request.maxConnections(),
                     Thread.ofPlatform().name("jdbc-", 0).factory());
             ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                     Thread.ofPlatform().name("blocking-loop").factory());
             JdbcPool connections = awaitSql(JdbcPool.open(request.database(), request.maxConnections(), jdbc), jdbc)) {
            var heartbeat = new Heartbeat();
            ScheduledFuture<?> beating = startBeating(loop, heartbeat::tick, request.heartbeatInterval());

            List<CompletableFuture<QueryAnswer>> answers = IntStream.range(0, request.queries())
                    .mapToObj(id -> CompletableFuture
                            .supplyAsync(() -> query(connections, id, request.queryDuration(), trace), jdbc)
                            .thenApplyAsync(answer -> received(answer, trace), loop))
                    .toList();
            List<QueryAnswer> all = awaitSql(Futures.gather(answers), jdbc);
            HeartbeatStats beats = heartbeat.stop();
            stopBeating(beating);
            return new BlockingResult(all, beats);
        }
    }

    /** Runs {@code tick} on {@code loop} now and then every {@code interval} after the last one ended. */
    static ScheduledFuture<?> startBeating(ScheduledExecutorService loop, Runnable tick, Duration interval) {
        return loop.scheduleWithFixedDelay(tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the heartbeat started by {@link #startBeating}. A periodic task ends on its own only
     * when a run of it threw: the executor then stops repeating it without a word and keeps the
     * exception in the future. So a heartbeat that is already over when we stop it failed, and
     * its failure is thrown here — not left to pass for a quiet heartbeat.
     *
     * @throws IllegalStateException whose cause is what the tick threw
     */
    static void stopBeating(ScheduledFuture<?> beating) {
        if (!beating.cancel(false) && beating.state() == java.util.concurrent.Future.State.FAILED) {
            throw new IllegalStateException("the heartbeat stopped early: a tick threw", beating.exceptionNow());
        }
    }

    /** Runs on a JDBC thread and blocks it for the whole {@code pg_sleep}. */
    private static QueryAnswer query(JdbcPool connections, int id, Duration sleep, Trace trace) {
        try (var running = trace.begin(SpanNames.query(id))) {
            return connections.borrow(connection -> SleepQuery.run(connection, id, sleep));
        } catch (SQLException | InterruptedException e) {
            throw new CompletionException(e); // a Supplier cannot throw them: carried, unwrapped by awaitSql
        }
    }

    /** Runs on the loop thread: the answer is handed back to the thread that must never block. */
    private static QueryAnswer received(QueryAnswer answer, Trace trace) {
        try (var running = trace.begin(SpanNames.queryAnswered(answer.id()))) {
            return answer;
        }
    }

    /** {@link Futures#await}, giving a failure back as the {@code SQLException} it was. */
    static <T> T awaitSql(CompletableFuture<T> future, ExecutorService jdbc) throws InterruptedException, SQLException {
        try {
            return Futures.await(future, jdbc::shutdownNow);
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }
}
