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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.IntStream;

/**
 * <b>The mistake, on purpose</b> — what {@link Blocking} avoids: the JDBC calls
 * run on the loop thread itself ({@code supplyAsync(…, loop)}). The code still looks
 * asynchronous — it returns futures, it composes them — but each future's work blocks the
 * only thread the loop has, so the heartbeat scheduled on that same thread cannot tick until
 * the queries queued before it are over. Nothing in the types warns you: a
 * {@code CompletableFuture} says nothing about whether the work behind it blocks.
 *
 * <p>Not used by the paradigm; only by {@code StallingLoopTest} and the demo.
 */
final class StallingJdbcQueries implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        try (ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                     Thread.ofPlatform().name("stalling-loop").factory());
             JdbcPool connection = Blocking.awaitSql(JdbcPool.open(request.database(), 1, loop), loop)) {
            var heartbeat = new Heartbeat();
            ScheduledFuture<?> beating = Blocking.startBeating(loop, heartbeat::tick, request.heartbeatInterval());
            List<CompletableFuture<QueryAnswer>> answers = IntStream.range(0, request.queries())
                    .mapToObj(id -> CompletableFuture.supplyAsync(() -> {
                        try (var running = trace.begin(SpanNames.query(id))) {
                            return connection.borrow(c -> SleepQuery.run(c, id, request.queryDuration())); // blocks the loop
                        } catch (SQLException | InterruptedException e) {
                            throw new CompletionException(e);
                        }
                    }, loop))
                    .toList();
            List<QueryAnswer> all = Blocking.awaitSql(Futures.gather(answers), loop);
            HeartbeatStats beats = heartbeat.stop();
            Blocking.stopBeating(beating); // a tick that threw is an error, not a stall
            return new BlockingResult(all, beats);
        }
    }
}
