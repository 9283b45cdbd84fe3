package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code blocking}: {@code queries} JDBC queries that each sleep {@code queryDuration} in
 * PostgreSQL, through at most {@code maxConnections} connections, while a heartbeat ticks
 * every {@code heartbeatInterval}. The heartbeat's largest gap is the figure.
 */
record BlockingWorkload(int queries, Duration queryDuration, int maxConnections, Duration heartbeatInterval,
                        Repeats repeats) implements Workload {

    /** This exercise's case in {@code mode}: queries that each hold a connection, a heartbeat every 10 ms. */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new BlockingWorkload(8, Duration.ofMillis(100), 4, Duration.ofMillis(10), Repeats.measured(mode)));
            case FULL -> List.of(new BlockingWorkload(16, Duration.ofMillis(300), 4, Duration.ofMillis(10), Repeats.measured(mode)));
        };
    }

    @Override
    public String id() {
        return "blocking";
    }

    @Override
    public Exercise exercise() {
        return Exercise.BLOCKING;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%d queries of %d ms (pg_sleep), at most %d connections, heartbeat every %d ms",
                queries, queryDuration.toMillis(), maxConnections, heartbeatInterval.toMillis());
    }

    @Override
    public boolean traced() {
        return true;
    }

    /** All connections busy all the time: ceil(queries / connections) query durations. */
    @Override
    public Optional<Duration> ideal() {
        return Optional.of(queryDuration.multipliedBy((queries + maxConnections - 1) / maxConnections));
    }

    @Override
    public Integer allowedInFlight() {
        return maxConnections;
    }

    @Override
    public String unitName() {
        return "queries";
    }

    @Override
    public Prepared<BlockingResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        if (fixtures.database() == null) {
            throw new IllegalStateException("the blocking exercise needs the database, and the parent gave none");
        }
        var request = new BlockingRequest(fixtures.database(), queries, queryDuration, maxConnections, heartbeatInterval);
        var blocking = paradigm.blocking();
        return new Prepared<>() {
            @Override
            public BlockingResult run(Trace trace) throws Exception {
                return blocking.run(request, trace);
            }

            @Override
            public Outcome check(BlockingResult result) {
                List<Integer> ids = result.answers().stream().map(QueryAnswer::id).toList();
                String problem = null;
                if (!ids.equals(IntStream.range(0, queries).boxed().toList())) {
                    problem = "answers " + ids + ", expected 0 … " + (queries - 1);
                } else if (result.connectionsUsed() > maxConnections) {
                    problem = result.connectionsUsed() + " connections used, limit " + maxConnections;
                }
                double gap = result.heartbeat().largestGap().toNanos() / 1e6;
                return new Outcome(queries, problem, gap, null, List.of());
            }
        };
    }
}
