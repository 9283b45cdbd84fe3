package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.Database;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code blocking} exercise's contract, against a real PostgreSQL: every
 * {@code pg_sleep} query answers once, within the connection limit; and a paradigm that
 * claims to wait concurrently keeps its heartbeat ticking while JDBC blocks, and the database
 * itself sees as many queries running at once as there are connections (one at a time for a
 * paradigm that makes no such claim).
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface BlockingContract extends ParadigmContract {

    /** Each query sleeps this long in the server; a stalled paradigm shows a gap at least that long. */
    Duration QUERY = TestTimeouts.scaled(Duration.ofMillis(300));

    /**
     * The largest heartbeat gap allowed: a paradigm that stalls shows a gap of a whole query or
     * more; this leaves a busy machine's late wake-ups room (169 ms was seen once at load 11)
     * and still catches it. Scaled with {@link #QUERY}, so that it stays below one query.
     */
    Duration HEARTBEAT_GAP = TestTimeouts.scaled(Duration.ofMillis(250));

    /** Eight queries over four connections: two rounds of four for a paradigm that waits concurrently. */
    int QUERIES = 8;
    int CONNECTIONS = 4;

    private BlockingResult run() throws Exception {
        var request = new BlockingRequest(SharedDatabase.get(), QUERIES, QUERY, CONNECTIONS, Duration.ofMillis(10));
        return paradigm().blocking().run(request, Trace.off());
    }

    /** Runs the queries while the database's own view of them is sampled; returns the most seen at once. */
    private int mostInFlightSeenByTheDatabase() throws Exception {
        Database database = SharedDatabase.get();
        var request = new BlockingRequest(database, QUERIES, QUERY, CONNECTIONS, Duration.ofMillis(10));
        BlockingResult result;
        SleepQueriesInFlight inFlight;
        try (var watching = SleepQueriesInFlight.watch(database)) {
            inFlight = watching;
            result = paradigm().blocking().run(request, Trace.off());
        }
        assertEquals(QUERIES, result.answers().size(), "each query answered");
        assertTrue(inFlight.samples() >= 10, "the database was sampled only " + inFlight.samples() + " times");
        return inFlight.most();
    }

    @Test
    default void everyQueryAnswersOnceWithinTheConnectionLimit() throws Exception {
        BlockingResult result = run();
        assertEquals(IntStream.range(0, QUERIES).boxed().toList(), result.answers().stream().map(QueryAnswer::id).toList(),
                "each query answered exactly once");
        assertTrue(result.connectionsUsed() <= CONNECTIONS, "used " + result.connectionsUsed() + " connections, limit " + CONNECTIONS);
        assertTrue(result.heartbeat().ticks() >= 1, "the heartbeat ran at all");
    }

    @Test
    default void heartbeatKeepsTickingWhileQueriesBlockWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        BlockingResult result = run();
        Duration gap = result.heartbeat().largestGap();
        assertTrue(gap.compareTo(HEARTBEAT_GAP) < 0,
                "the heartbeat stalled for " + gap.toMillis() + " ms while queries of " + QUERY.toMillis() + " ms ran");
        assertTrue(result.heartbeat().ticks() >= 10, "the heartbeat ticked only " + result.heartbeat().ticks() + " times");
    }

    /**
     * A steady heartbeat and few connections do not show that the queries waited at the same
     * time: eight queries run one after another on a helper thread pass both. The database
     * itself must see as many of them running at once as there are connections.
     */
    @Test
    default void theDatabaseRunsAsManyQueriesAtOnceAsConnectionsWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        assertEquals(Math.min(QUERIES, CONNECTIONS), mostInFlightSeenByTheDatabase(),
                "sleep queries running at the same moment, as pg_stat_activity saw them");
    }

    /** The claim's other side: a paradigm that does not claim concurrent waiting runs one query at a time. */
    @Test
    default void theDatabaseRunsOneQueryAtATimeWhenItDoesNotClaimConcurrentWaiting() throws Exception {
        assumeNoClaim(Claim.WAITS_CONCURRENTLY);
        assertEquals(1, mostInFlightSeenByTheDatabase(), "sleep queries running at the same moment, as pg_stat_activity saw them");
    }
}
