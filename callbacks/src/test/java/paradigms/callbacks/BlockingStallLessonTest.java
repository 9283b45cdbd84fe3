package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Repeating;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.contract.SharedDatabase;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: one blocking call stalls every other task on the loop. The heartbeat is a
 * repeating 5–10 ms timer; the largest gap between two of its ticks is how long the loop was
 * stalled at worst.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class BlockingStallLessonTest {

    private static final Duration BLOCK = TestTimeouts.scaled(Duration.ofMillis(300));

    @Test
    void oneBlockingCallbackStallsTheHeartbeatForAsLongAsItBlocks() {
        var heartbeat = new Heartbeat();
        try (var loop = new EventLoop()) {
            var beat = Repeating.every(loop, Duration.ofMillis(5), heartbeat::tick);
            loop.callLater(Duration.ofMillis(20), () -> {
                sleepUninterruptibly(BLOCK); // THE LESSON: a blocking call on the loop thread (any blocking call)
                beat.cancel();
            });
            loop.run();
        }
        Duration gap = heartbeat.stop().largestGap();
        assertTrue(gap.compareTo(BLOCK) >= 0, "the heartbeat's largest gap was " + gap.toMillis() + " ms");
    }

    @Test
    void theSameCallOffloadedToAWorkerLeavesTheHeartbeatTicking() {
        var heartbeat = new Heartbeat();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (var loop = new EventLoop()) {
            var beat = Repeating.every(loop, Duration.ofMillis(5), heartbeat::tick);
            loop.runInExecutor(worker, () -> {
                sleepUninterruptibly(BLOCK); // the same blocking call, on a worker thread: the loop goes on
                return null;
            }, (nothing, error) -> beat.cancel());
            loop.run();
        } finally {
            worker.close();
        }
        var stats = heartbeat.stop();
        assertTrue(stats.largestGap().compareTo(BLOCK.dividedBy(2)) < 0,
                "the heartbeat's largest gap was " + stats.largestGap().toMillis() + " ms");
        assertTrue(stats.ticks() >= 10, "only " + stats.ticks() + " ticks");
    }

    /** The exercise's naive variant: JDBC on the loop thread. Each query is a stall the length of the query. */
    @Test
    void jdbcCalledOnTheLoopStallsTheHeartbeatForAtLeastOneQuery() throws Exception {
        var request = new BlockingRequest(SharedDatabase.get(), 3, BLOCK, 1, Duration.ofMillis(10));
        BlockingResult result = new NaiveBlocking().run(request, Trace.off());
        assertEquals(List.of(0, 1, 2), result.answers().stream().map(QueryAnswer::id).toList());
        Duration gap = result.heartbeat().largestGap();
        assertTrue(gap.compareTo(BLOCK) >= 0, "the heartbeat's largest gap was " + gap.toMillis() + " ms, a query takes " + BLOCK.toMillis());
    }

    private static void sleepUninterruptibly(Duration duration) {
        try {
            Thread.sleep(duration); // the blocking call on the loop thread that this lesson is about
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
