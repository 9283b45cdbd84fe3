package paradigms.asyncawait;

import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.contract.SharedDatabase;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What breaks: JDBC run on the loop's own thread ({@link StallingJdbcQueries}). The code
 * composes futures like the good version, yet the heartbeat on that thread stops for a whole
 * query each time. (The good version, {@link Blocking}, is held to a gap below
 * 150 ms by the blocking contract.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class StallingLoopTest {

    private static final Duration QUERY = Duration.ofMillis(300);

    @Test
    void jdbcOnTheLoopThreadStallsItsHeartbeatForAtLeastAWholeQuery() throws Exception {
        var request = new BlockingRequest(SharedDatabase.get(), 3, QUERY, 3, Duration.ofMillis(10));
        BlockingResult result = new StallingJdbcQueries().run(request, Trace.off());

        assertEquals(3, result.answers().size());
        assertEquals(1, result.connectionsUsed(), "one loop thread, one connection: the queries ran one at a time");
        Duration gap = result.heartbeat().largestGap();
        assertTrue(gap.compareTo(QUERY) >= 0, "the heartbeat's largest gap was only " + gap.toMillis() + " ms");
    }
}
