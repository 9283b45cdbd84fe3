package paradigms.callbacks.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.squares.SumOfSquares;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code squares-in-chunks} (callbacks/README.md, Exercises for
 * you, 2): {@link ChunkedSquares#sumBelow} gives the exact sum, lets other callbacks run between
 * its chunks (counted, not timed), and — the measured shape — makes the loop's largest gap
 * between two runs of a heartbeat callback much smaller than one uncut sum does.
 */
@Tag("exercise")
@Tag("squares-in-chunks")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ChunkedSquaresTest {

    @ParameterizedTest(name = "n = {0}, chunk = {1}")
    @CsvSource({"0, 10", "1, 1", "7, 1", "7, 3", "5, 10", "1000003, 100000", "2000000, 2147483647"})
    void theSumIsExactWhateverTheChunksAndIsHandedOverOnceOnTheLoopThread(int n, int chunk) {
        List<BigInteger> answers = new ArrayList<>();
        List<Boolean> onLoopThread = new ArrayList<>();
        try (var loop = new EventLoop()) {
            ChunkedSquares.sumBelow(loop, n, chunk, sum -> {
                answers.add(sum);
                onLoopThread.add(loop.inLoopThread());
            });
            assertEquals(List.of(), answers, "nothing may run inside sumBelow itself: the first chunk runs on a later tick");
            loop.run();
        }
        assertEquals(List.of(SumOfSquares.closedForm(n)), answers, "exactly one answer, the exact sum");
        assertEquals(List.of(true), onLoopThread, "whenDone runs on the loop thread");
    }

    @Test
    void anotherCallbackRunsBetweenEveryTwoChunks() {
        int n = 1_000_003;
        int chunk = 100_000;
        int chunks = 11;
        try (var loop = new EventLoop()) {
            var heartbeat = new Heartbeat(loop);
            loop.callSoon(heartbeat);
            ChunkedSquares.sumBelow(loop, n, chunk, sum -> heartbeat.stop());
            loop.run();
            assertTrue(heartbeat.runs >= chunks,
                    "a callback waiting in the ready queue should run between every two chunks (FIFO: callSoon puts"
                            + " the next chunk behind it); it ran " + heartbeat.runs + " times for " + chunks + " chunks");
        }
    }

    @Test
    void cutIntoChunksTheSumLeavesTheHeartbeatMuchSmallerGapsThanInOnePiece() {
        // Large enough that one uncut sum outlasts the pauses a busy machine inflicts on any thread.
        int n = 200_000_000;
        String attempts = "";
        for (int attempt = 1; attempt <= 3; attempt++) { // such a pause may still hit the chunked run: best of three
            long whole = largestHeartbeatGap(n, n);
            long chunked = largestHeartbeatGap(n, 100_000);
            attempts += " [in one piece " + whole / 1_000 + " µs, in chunks " + chunked / 1_000 + " µs]";
            if (chunked * 2 < whole) {
                return;
            }
        }
        throw new AssertionError("in chunks of 100,000 the largest gap between two heartbeats should drop below half"
                + " of the gap one uncut sum makes:" + attempts);
    }

    @Test
    void badInputIsRefusedWithAMessageThatNamesIt() {
        try (var loop = new EventLoop()) {
            ChunkedSquares.sumBelow(loop, 3, 1, sum -> { }); // a valid call first: refuses nothing
            loop.run();
            assertNames("n", assertThrows(IllegalArgumentException.class, () -> ChunkedSquares.sumBelow(loop, -1, 10, sum -> { })));
            assertNames("chunk", assertThrows(IllegalArgumentException.class, () -> ChunkedSquares.sumBelow(loop, 10, 0, sum -> { })));
            assertNames("loop", assertThrows(NullPointerException.class, () -> ChunkedSquares.sumBelow(null, 10, 1, sum -> { })));
            assertNames("whenDone", assertThrows(NullPointerException.class, () -> ChunkedSquares.sumBelow(loop, 10, 1, null)));
        }
    }

    /** Runs the sum beside a heartbeat and returns the heartbeat's largest gap, in nanoseconds. */
    private static long largestHeartbeatGap(int n, int chunk) {
        try (var loop = new EventLoop()) {
            var heartbeat = new Heartbeat(loop);
            loop.callSoon(heartbeat);
            ChunkedSquares.sumBelow(loop, n, chunk, sum -> heartbeat.stop());
            loop.run();
            return heartbeat.largestGapNanos;
        }
    }

    /** A callback that puts itself back in the ready queue until stopped, timing the gaps between its runs. Loop thread only. */
    private static final class Heartbeat implements Runnable {
        private final EventLoop loop;
        int runs;
        long largestGapNanos;
        private long lastNanos;
        private boolean stopped;

        Heartbeat(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (runs > 0) {
                largestGapNanos = Math.max(largestGapNanos, now - lastNanos);
            }
            lastNanos = now;
            runs++;
            if (!stopped) {
                loop.callSoon(this);
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
