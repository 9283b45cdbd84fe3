package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Database;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * {@code blocking}, the way an asynchronous language would like it: a PostgreSQL client that
 * never blocks a thread (Vert.x's reactive client: Netty sockets underneath, futures on top).
 * Same database, same workload as {@link paradigms.common.blocking.SleepQuery} —
 * {@value #SQL} — written in PostgreSQL's own placeholders.
 *
 * <p><b>Threads:</b> Vert.x is started with ONE event-loop thread. That thread sends every
 * query, reads every answer off its connection's socket, and ticks the heartbeat between
 * them: {@code maxConnections} queries are waiting in the server at once while the one thread
 * stays free — which is asyncio with asyncpg, in Java. ({@code VertxPgQueriesTest} checks
 * that every answer was read on that one thread.) The pool's size bounds the connections;
 * queries beyond it wait in the pool's queue as pending futures, not as blocked threads.
 *
 * <p>Each call starts its own Vert.x instance and closes it (pool, event loop, every thread
 * Vert.x made) before returning.
 */
final class VertxPgQueries implements BlockingExercise {

    static final String SQL = "SELECT $1::int AS id, pg_backend_pid() AS pid, pg_sleep($2)";

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            Pool pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(request.maxConnections()))
                    .connectingTo(connectOptions(request.database()))
                    .using(vertx)
                    .build();
            awaitSql(openAndWarm(pool, request.maxConnections()), vertx);
            var heartbeat = new Heartbeat();
            long ticking = vertx.setPeriodic(Math.max(1, request.heartbeatInterval().toMillis()), timer -> heartbeat.tick());

            double seconds = request.queryDuration().toNanos() / 1e9;
            List<CompletableFuture<QueryAnswer>> answers = IntStream.range(0, request.queries())
                    .mapToObj(id -> pool.preparedQuery(SQL)
                            .execute(Tuple.of(id, seconds))
                            .map(rows -> answerOf(rows.iterator().next(), trace)) // runs on the event loop
                            .toCompletionStage()
                            .toCompletableFuture())
                    .toList();
            List<QueryAnswer> all = awaitSql(Futures.gather(answers), vertx);
            HeartbeatStats stats = heartbeat.stop();
            vertx.cancelTimer(ticking);
            Futures.await(completable(pool.close()), () -> { });
            return new BlockingResult(all, stats);
        } finally {
            // Closes whatever is still open (the pool too, if the queries failed) and every Vert.x thread.
            Futures.await(completable(vertx.close()), () -> { });
        }
    }

    /**
     * Opens every connection of the pool and runs the workload's query once on each (sleeping
     * 0 s) before the heartbeat starts. Why: in a fresh JVM the first run of any code path —
     * the SCRAM handshake (4,096 rounds of PBKDF2), encoding a query, decoding a row — loads
     * classes and runs in the interpreter, ON the event loop. Measured here: it held the loop
     * for up to 436 ms in a fresh JVM. CPU work stalls a loop exactly as a blocking call does (see
     * the README's "What breaks"). The exercise is about the queries, so the client is warmed
     * first, the way a pool validates its connections with a test query. The connections are
     * borrowed all at once (so there are {@code connections} of them), then given back to the
     * pool, which keeps them open.
     */
    private static CompletableFuture<Void> openAndWarm(Pool pool, int connections) {
        List<CompletableFuture<Void>> warmed = IntStream.range(0, connections)
                .mapToObj(i -> completable(pool.getConnection().compose(connection -> connection
                        .preparedQuery(SQL).execute(Tuple.of(-1, 0.0))
                        .eventually(connection::close)
                        .<Void>mapEmpty())))
                .toList();
        return Futures.gather(warmed).thenApply(all -> null);
    }

    private static QueryAnswer answerOf(Row row, Trace trace) {
        try (var running = trace.begin(SpanNames.queryAnswered(row.getInteger("id")))) {
            return new QueryAnswer(row.getInteger("id"), row.getInteger("pid"));
        }
    }

    static PgConnectOptions connectOptions(Database database) {
        PgAddress address = PgAddress.parse(database.jdbcUrl());
        return new PgConnectOptions()
                .setHost(address.host())
                .setPort(address.port())
                .setDatabase(address.database())
                .setUser(database.user())
                .setPassword(database.password())
                .setCachePreparedStatements(true); // parsed once per connection, while warming up
    }

    private static <T> CompletableFuture<T> completable(Future<T> vertxFuture) {
        return vertxFuture.toCompletionStage().toCompletableFuture();
    }

    /** A failed connection or query comes back as an {@link SQLException}, like JDBC's, so both versions fail alike. */
    private static <T> T awaitSql(CompletableFuture<T> future, Vertx vertx) throws InterruptedException, SQLException {
        try {
            return Futures.await(future, vertx::close);
        } catch (RuntimeException e) {
            throw new SQLException("PostgreSQL client failed: " + e.getMessage(), e);
        }
    }
}
