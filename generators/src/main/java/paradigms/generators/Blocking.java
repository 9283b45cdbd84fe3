package paradigms.generators;

import paradigms.callbacks.EventLoop;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.HeartbeatStats;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
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
 * loop via {@code callSoonThreadSafe}. Meanwhile the heartbeat, a coroutine sleeping in a
 * loop, keeps ticking on the loop thread. (The stall it avoids is shown in WhatBreaksTest.)
 */
final class Blocking {

    private Blocking() {
    }

    static BlockingResult run(BlockingRequest request, Trace trace) throws SQLException {
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
     * START               -> QUERYING:            heartbeat task spawned; gather the queries
     * QUERYING            -> STOPPING_HEARTBEAT:  all answered: stop the heartbeat, cancel its task
     * STOPPING_HEARTBEAT  -> DONE:                its task has ended
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
                    beating = scheduler.spawn(new Beat(heartbeat, request.heartbeatInterval()));
                    List<Query> queries = IntStream.range(0, request.queries()).mapToObj(Query::new).toList();
                    state = State.QUERYING;
                    return yieldFrom(new Gather<>(scheduler, queries.size() + " queries", queries));
                }
                case QUERYING -> {
                    answers = (List<QueryAnswer>) sent;
                    beats = heartbeat.stop();
                    beating.cancel();
                    state = State.STOPPING_HEARTBEAT;
                    return completionOf(beating);
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
                    return resultOf(Offload.call(scheduler, workers, "query " + id, () -> {
                        try (var running = trace.begin("query " + id)) { // on the worker's lane
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
                return "query " + id;
            }
        }
    }

    /** The heartbeat: {@code while True: heartbeat.tick(); yield Delay(interval)} — until cancelled. */
    static final class Beat extends Coroutine<Void> {

        private final Heartbeat heartbeat;
        private final Duration interval;

        Beat(Heartbeat heartbeat, Duration interval) {
            this.heartbeat = heartbeat;
            this.interval = interval;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            heartbeat.tick();
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
}
