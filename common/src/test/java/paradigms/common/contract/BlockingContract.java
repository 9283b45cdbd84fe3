package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.blocking.BlockingRequest;
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
 * claims to wait concurrently keeps its heartbeat ticking while JDBC blocks.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface BlockingContract extends ParadigmContract {

    /** Each query sleeps 300 ms in the server; a stalled paradigm shows a gap at least that long. */
    Duration QUERY = Duration.ofMillis(300);

    private BlockingResult run(int queries, int maxConnections, Duration heartbeat) throws Exception {
        var request = new BlockingRequest(SharedDatabase.get(), queries, QUERY, maxConnections, heartbeat);
        return paradigm().blocking().run(request, Trace.off());
    }

    @Test
    default void everyQueryAnswersOnceWithinTheConnectionLimit() throws Exception {
        BlockingResult result = run(8, 4, Duration.ofMillis(10));
        assertEquals(IntStream.range(0, 8).boxed().toList(), result.answers().stream().map(QueryAnswer::id).toList(),
                "each query answered exactly once");
        assertTrue(result.connectionsUsed() <= 4, "used " + result.connectionsUsed() + " connections, limit 4");
        assertTrue(result.heartbeat().ticks() >= 1, "the heartbeat ran at all");
    }

    @Test
    default void heartbeatKeepsTickingWhileQueriesBlockWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        BlockingResult result = run(8, 4, Duration.ofMillis(10));
        Duration gap = result.heartbeat().largestGap();
        // A paradigm that stalls shows a gap of a whole query (300 ms) or more; 250 ms leaves a
        // busy machine's late wake-ups room (169 ms was seen once at load 11) and still catches it.
        assertTrue(gap.compareTo(Duration.ofMillis(250)) < 0,
                "the heartbeat stalled for " + gap.toMillis() + " ms while queries of " + QUERY.toMillis() + " ms ran");
        assertTrue(result.heartbeat().ticks() >= 10, "the heartbeat ticked only " + result.heartbeat().ticks() + " times");
    }
}
