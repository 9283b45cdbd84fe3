package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Offload;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * {@code blocking}: JDBC blocks its thread, so it must never run on the loop thread. Each
 * query is offloaded to a bounded executor — as many workers as connections allowed — and
 * its answer comes back as a {@link paradigms.generators.coroutine.Future}, completed on the
 * loop ({@link Offload}, built on the loop's {@code runInExecutor}). Meanwhile the heartbeat,
 * a coroutine sleeping in a loop, keeps ticking on the loop thread. (The stall it avoids is
 * shown in WhatBreaksTest.)
 */
final class Blocking implements BlockingExercise {

    @Override
    public BlockingResult run(BlockingRequest request, Trace trace) throws SQLException {
        // Closed in reverse order: the loop, then the workers (idle by then), then the connections.
        try (var connections = new ConnectionPerThread(request.database());
             ExecutorService workers = Executors.newFixedThreadPool(request.maxConnections(),
                     Thread.ofPlatform().name("jdbc-", 0).factory());
             var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            return scheduler.run(new QueriesWithHeartbeat(scheduler, workers, connections, request, trace));
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException failed) {
                throw failed;
            }
            throw e;
        }
    }

    /**
     * <pre>
     *   START              --heartbeat task spawned; gather the queries------------->  QUERYING
     *   QUERYING           --all answered: stop the heartbeat, yield from StopBeat--->  STOPPING_HEARTBEAT
     *   STOPPING_HEARTBEAT --its task has ended, cancelled (a failed one throws)---->  DONE
     * </pre>
     */
    static final class QueriesWithHeartbeat extends Coroutine<BlockingResult> {

        private enum State { START, QUERYING, STOPPING_HEARTBEAT, DONE }

        private final Scheduler scheduler;
        private final ExecutorService workers;
        private final ConnectionPerThread connections;
        private final BlockingRequest request;
        private final Trace trace;
        private State state = State.START;
        private Heartbeat heartbeat;
        private Task<Void> beating;
        private List<QueryAnswer> answers;
        private HeartbeatStats beats;

        QueriesWithHeartbeat(Scheduler scheduler, ExecutorService workers, ConnectionPerThread connections,
                             BlockingRequest request, Trace trace) {
            this.scheduler = scheduler;
            this.workers = workers;
            this.connections = connections;
            this.request = request;
            this.trace = trace;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Step<BlockingResult> resume(Object sent) {
            switch (state) {
                case START -> {
                    heartbeat = new Heartbeat();
                    beating = scheduler.spawn(new Beat(heartbeat::tick, request.heartbeatInterval()));
                    List<Query> queries = IntStream.range(0, request.queries()).mapToObj(Query::new).toList();
                    state = State.QUERYING;
                    return yieldFrom(new Gather<>(scheduler, queries.size() + " queries", queries));
                }
                case QUERYING -> {
                    answers = (List<QueryAnswer>) sent;
                    beats = heartbeat.stop();
                    state = State.STOPPING_HEARTBEAT;
                    return yieldFrom(new StopBeat(beating));
                }
                case STOPPING_HEARTBEAT -> {
                    state = State.DONE;
                    return returning(new BlockingResult(answers, beats));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        protected void cleanUp() {
            if (beating != null) {
                beating.cancel(); // a failed query must not leave the heartbeat beating
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "queries with heartbeat";
        }

        /** One query: hand it to a worker, wait for the answer to come back to the loop. */
        final class Query extends Coroutine<QueryAnswer> {

            private final int id;
            private boolean sent;

            Query(int id) {
                this.id = id;
            }

            @Override
            protected Step<QueryAnswer> resume(Object answer) {
                if (!sent) {
                    sent = true;
                    return resultOf(Offload.call(scheduler, workers, SpanNames.query(id), () -> {
                        try (var running = trace.begin(SpanNames.query(id))) { // on the worker's lane
                            return SleepQuery.run(connections.current(), id, request.queryDuration());
                        }
                    }));
                }
                return returning((QueryAnswer) answer);
            }

            @Override
            public String state() {
                return sent ? "WAITING_FOR_WORKER" : "START";
            }

            @Override
            public String name() {
                return SpanNames.query(id);
            }
        }
    }

    /** The heartbeat: {@code while True: tick(); yield Delay(interval)} — until cancelled. */
    static final class Beat extends Coroutine<Void> {

        private final Runnable tick;
        private final Duration interval;

        Beat(Runnable tick, Duration interval) {
            this.tick = tick;
            this.interval = interval;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            tick.run();
            return sleep(interval);
        }

        @Override
        public String state() {
            return "SLEEPING";
        }

        @Override
        public String name() {
            return "heartbeat";
        }
    }

    /**
     * Stops the heartbeat's task and waits until it has ended. A heartbeat ends only by being
     * cancelled: if its task failed instead — a tick threw, and the heartbeat stopped beating
     * early — that failure is thrown here, not swallowed ({@code completionOf} hands back the
     * task however it ended, and looking at how is this coroutine's job).
     * <pre>
     *   START    --cancel the task; wait for it to end-->  STOPPING
     *   STOPPING --it was cancelled (or had finished)--->  (returns)
     *   STOPPING --it had failed------------------------>  (throws its exception)
     * </pre>
     */
    static final class StopBeat extends Coroutine<Void> {

        private final Task<Void> beating;
        private boolean stopping;

        StopBeat(Task<Void> beating) {
            this.beating = beating;
        }

        @Override
        protected Step<Void> resume(Object sent) throws Exception {
            if (!stopping) {
                stopping = true;
                beating.cancel();
                return completionOf(beating);
            }
            if (beating.isFailed()) {
                Throwable failure = beating.exception();
                if (failure instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) failure;
            }
            return returning(null);
        }

        @Override
        public String state() {
            return stopping ? "STOPPING" : "START";
        }

        @Override
        public String name() {
            return "stop the heartbeat";
        }
    }
}
