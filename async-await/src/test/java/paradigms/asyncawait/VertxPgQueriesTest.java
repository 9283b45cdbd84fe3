package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.contract.BlockingContract;
import paradigms.common.contract.SharedDatabase;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The genuinely asynchronous PostgreSQL client ({@link VertxPgQueries}) on the same database
 * and workload as JDBC: every query answered, at most the pool's size of connections, the
 * heartbeat never stalled — and all of it on one event-loop thread.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class VertxPgQueriesTest {

    private static BlockingResult run(int queries, Duration each, int connections, Trace trace) throws Exception {
        var request = new BlockingRequest(SharedDatabase.get(), queries, each, connections, Duration.ofMillis(10));
        return new VertxPgQueries().run(request, trace);
    }

    @Test
    void answersEveryQueryOnAtMostThePoolsConnectionsWhileTheHeartbeatKeepsTicking() throws Exception {
        BlockingResult result = run(8, BlockingContract.QUERY, 4, Trace.off());

        assertEquals(IntStream.range(0, 8).boxed().toList(), result.answers().stream().map(QueryAnswer::id).toList());
        assertTrue(result.connectionsUsed() <= 4, "used " + result.connectionsUsed() + " connections, pool size 4");
        Duration gap = result.heartbeat().largestGap();
        assertTrue(gap.compareTo(BlockingContract.QUERY.dividedBy(2)) < 0, "the heartbeat stalled for " + gap.toMillis() + " ms");
        assertTrue(result.heartbeat().ticks() >= 10, "ticks: " + result.heartbeat().ticks());
    }

    /** Twenty queries waiting in the server on four connections, and one thread read every answer. */
    @Test
    void oneEventLoopThreadReadsEveryAnswer() throws Exception {
        Trace trace = Trace.recording();
        BlockingResult result = run(20, Duration.ofMillis(100), 4, trace);

        assertEquals(20, result.answers().size());
        Set<String> readers = trace.spans().stream().map(Span::thread).collect(Collectors.toSet());
        assertEquals(1, readers.size(), "answers were read on " + readers);
        assertTrue(readers.iterator().next().startsWith("vert.x-eventloop-thread-"), readers.toString());
    }

    @Test
    void leavesNoVertxThreadBehind() throws Exception {
        run(2, Duration.ofMillis(10), 2, Trace.off());
        await().atMost(TestTimeouts.LONG).until(() -> vertxThreads().isEmpty());
    }

    private static List<String> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("vert.x-"))
                .toList();
    }
}
