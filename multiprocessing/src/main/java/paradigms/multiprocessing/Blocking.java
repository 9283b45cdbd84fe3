package paradigms.multiprocessing;

import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Database;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerResources;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code blocking} on worker processes: JDBC blocks a worker's task thread, in another
 * process, so nothing in the parent stalls — its heartbeat thread ticks on. One worker per
 * allowed connection, and each worker keeps its one connection from query to query
 * ({@link WorkerResources#connection}).
 *
 * <p>The worker gets the database on the wire with each task — URL, user and password — so
 * that a worker needs no configuration of its own. (The password crosses a pipe between two
 * processes of the same user; it is never printed: a task's label is only "query N".)
 *
 * <p>On the wire: {@code task ID query QUERY_ID SLEEP_NS JDBC_URL USER PASSWORD} →
 * {@code done ID … QUERY_ID BACKEND_PID}.
 */
final class Blocking implements BlockingExercise {

    static final String KIND = "query";


    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws InterruptedException, SQLException {
        var heartbeat = new Heartbeat();
        Thread ticker = Thread.ofPlatform().name("heartbeat").start(() -> tick(heartbeat, request.heartbeatInterval()));
        List<QueryAnswer> answers;
        try (var pool = Workers.pool().size(Math.min(request.maxConnections(), request.queries())).forWaiting().start()) {
            List<QueryJob> jobs = IntStream.range(0, request.queries())
                    .mapToObj(id -> new QueryJob(id, request.queryDuration(), request.database()))
                    .toList();
            answers = pool.map(jobs, trace);
        } catch (PoolException.TaskFailed failed) {
            throw new SQLException(failed.getMessage(), failed); // e.g. the database refused the connection
        } finally {
            ticker.interrupt();
            ticker.join();
        }
        return new BlockingResult(answers, heartbeat.stop());
    }

    /** On the heartbeat thread, until interrupted. */
    private static void tick(Heartbeat heartbeat, Duration interval) {
        try {
            while (true) {
                heartbeat.tick();
                Thread.sleep(interval); // the sleep is the heartbeat's period
            }
        } catch (InterruptedException stop) {
            heartbeat.tick();
        }
    }

    /** The parent's half. */
    record QueryJob(int id, Duration sleep, Database database) implements Job<QueryAnswer> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(id), String.valueOf(sleep.toNanos()),
                    database.jdbcUrl(), database.user(), database.password());
        }

        @Override
        public QueryAnswer decode(List<String> values) throws Wire.BadFrameException {
            Values answer = Values.of(values).expectSize(2, "a query reply");
            int answered = answer.integer(0, "query id");
            if (answered != id) {
                throw new Wire.BadFrameException("query " + id + " was answered as query " + answered);
            }
            return new QueryAnswer(answered, answer.integer(1, "backend pid"));
        }

        @Override
        public String label() {
            return SpanNames.query(id);
        }
    }

    /** The worker's half: the blocking library call, on this worker's own connection. */
    static List<String> work(List<String> arguments, WorkerResources resources) throws Exception {
        Values task = Values.of(arguments).expectSize(5, "a query task");
        var database = new Database(task.text(2, "jdbc url"), task.text(3, "user"), task.text(4, "password"));
        QueryAnswer answer = SleepQuery.run(resources.connection(database), task.integer(0, "query id"),
                Duration.ofNanos(task.number(1, "sleep")));
        return List.of(String.valueOf(answer.id()), String.valueOf(answer.backendPid()));
    }
}
