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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * WRONG ON PURPOSE: {@code blocking} with JDBC called on the loop thread. Each query is a
 * callback, scheduled when the previous one is done, as if it were any other piece of work —
 * and between two queries the heartbeat does get its turn. But JDBC does not return until the
 * database answers, and while it waits the loop waits with it: the heartbeat's timer is due
 * and cannot run. Its largest gap is a whole query. {@code BlockingStallLessonTest} measures it.
 *
 * <p>Not the paradigm's {@code blocking} (that is {@link Blocking}).
 */
final class NaiveBlocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws SQLException {
        var heartbeat = new Heartbeat();
        List<QueryAnswer> answers = new ArrayList<>();
        try (var loop = new EventLoop(); Connection connection = request.database().connect()) {
            var queries = new QueryChain(loop, connection, request, trace, answers,
                    Repeating.every(loop, request.heartbeatInterval(), heartbeat::tick));
            queries.next();
            loop.run();
            HeartbeatStats stats = heartbeat.stop();
            if (queries.error != null) {
                throw queries.error;
            }
            return new BlockingResult(answers, stats);
        }
    }

    /** The queries one after another, each a callback on the loop. Loop thread only. */
    private static final class QueryChain {
        private final EventLoop loop;
        private final Connection connection;
        private final BlockingRequest request;
        private final Trace trace;
        private final List<QueryAnswer> answers;
        private final Repeating heartbeat;
        private int nextId;
        private SQLException error;

        QueryChain(EventLoop loop, Connection connection, BlockingRequest request, Trace trace,
                   List<QueryAnswer> answers, Repeating heartbeat) {
            this.loop = loop;
            this.connection = connection;
            this.request = request;
            this.trace = trace;
            this.answers = answers;
            this.heartbeat = heartbeat;
        }

        /**
         * Schedules the next query as a timer due now: timers run in deadline order, so a
         * heartbeat that became due meanwhile runs before it — the heartbeat ticks between queries.
         */
        void next() {
            if (nextId == request.queries() || error != null) {
                heartbeat.cancel(); // the last piece of work: run() returns
                return;
            }
            int id = nextId++;
            loop.callLater(Duration.ZERO, () -> {
                try (var span = trace.begin(SpanNames.query(id))) {
                    answers.add(SleepQuery.run(connection, id, request.queryDuration())); // blocks the loop
                } catch (SQLException e) {
                    error = e;
                }
                next();
            });
        }
    }
}
