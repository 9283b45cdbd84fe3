package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.Failure;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.Move;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.generators.coroutine.Await;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.CoroutineTraceback;
import paradigms.generators.coroutine.Lock;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One coroutine driven by hand — this test is its task: each {@code send} runs it to its
 * next {@code yield}, and the test checks what it yielded and which state it is in. No loop
 * runs; nothing happens between two sends but what the test does.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BoardStepByStepTest {

    /** One board, two move pairs; a master move is 5 ms here, an opponent's 55 ms. */
    private final ExhibitionRequest request = new ExhibitionRequest(1, 5, 55, 2, Duration.ofMillis(1));
    private final EventLoop loop = new EventLoop(); // never run: the lock below needs no loop while uncontended
    private final Scheduler scheduler = new Scheduler(loop);
    private final Lock master = new Lock(scheduler, "the master");
    private final MoveLog log = new MoveLog(request);

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** The coroutine a {@code Delegate} step asks the driver to run. */
    private static Coroutine<?> delegatedTo(Step<?> step) {
        return assertInstanceOf(Await.Delegate.class, assertInstanceOf(Step.Yield.class, step).awaited()).coroutine();
    }

    private static Duration delayOf(Step<?> step) {
        return assertInstanceOf(Await.Delay.class, assertInstanceOf(Step.Yield.class, step).awaited()).duration();
    }

    @Test
    void eachResumptionRunsToTheNextYieldAndLeavesTheBoardInTheNextState() throws Exception {
        var board = new Exhibition.Board(request, 0, master, log);
        assertEquals("START (pair 0)", board.state());

        for (int pair = 0; pair < 2; pair++) {
            // yield from master.acquire(): the driver runs the sub-coroutine; the lock is free, so it returns at once
            Coroutine<?> acquire = delegatedTo(board.send(null));
            assertEquals("WAITING_FOR_MASTER (pair " + pair + ")", board.state());
            assertInstanceOf(Step.Return.class, acquire.send(null));
            assertTrue(master.isLocked());

            assertEquals(Duration.ofMillis(5), delayOf(board.send(null)), "the master thinks");
            assertEquals("MASTER_THINKING (pair " + pair + ")", board.state());
            assertTrue(master.isLocked(), "held across the yield: no one else may move meanwhile");

            assertEquals(Duration.ofMillis(55), delayOf(board.send(null)), "the opponent thinks");
            assertEquals("OPPONENT_THINKING (pair " + pair + ")", board.state());
            assertFalse(master.isLocked(), "released as soon as his move was made");
        }
        assertInstanceOf(Step.Return.class, board.send(null), "the last reply ends the game");
        assertEquals("GAME_OVER (pair 2)", board.state());
        assertTrue(board.isFinished());

        List<Move> moves = log.finish().moves();
        assertEquals(List.of(Mover.MASTER, Mover.OPPONENT, Mover.MASTER, Mover.OPPONENT), moves.stream().map(Move::mover).toList());
        var again = assertThrows(IllegalStateException.class, () -> board.send(null));
        assertTrue(again.getMessage().contains("has finished"), again.getMessage());
    }

    @Test
    void anExceptionThrownInWhileTheMasterThinksRunsTheFinallyThatFreesHim() throws Exception {
        var board = new Exhibition.Board(request, 0, master, log);
        delegatedTo(board.send(null)).send(null); // acquire the master
        delayOf(board.send(null));                // MASTER_THINKING
        assertTrue(master.isLocked());

        var cancelled = new CancellationException("the exhibition is called off");
        var thrown = assertThrows(CancellationException.class, () -> board.throwIn(cancelled));

        assertSame(cancelled, thrown, "no handler at this yield: the exception goes on, unchanged");
        assertFalse(master.isLocked(), "cleanUp(), the finally, released the master");
        assertTrue(board.isFinished());
        assertEquals(List.of("board 0 at MASTER_THINKING (pair 0)"), CoroutineTraceback.of(thrown));
    }

    @Test
    void anExceptionThrownIntoACoroutineThatNeverRanEndsItWithoutRunningAnything() {
        var board = new Exhibition.Board(request, 0, master, log);
        var cancelled = new CancellationException();
        assertSame(cancelled, assertThrows(CancellationException.class, () -> board.throwIn(cancelled)));
        assertTrue(board.isFinished());
        assertEquals("START (pair 0)", board.state());
        assertTrue(log.finish().moves().isEmpty());
    }

    @Test
    void anExceptHandlerTurnsAFailedFetchIntoAResult() throws Exception {
        URI url = URI.create("http://127.0.0.1:9/data/1");
        try (var client = new CoroutineHttpClient(scheduler)) {
            var fetch = new Download.FetchOne(client, new Semaphore(scheduler, "permits", 1), url, Duration.ofSeconds(1),
                    paradigms.common.trace.Trace.off(), paradigms.common.measure.ResumeLatency.off());
            delegatedTo(fetch.send(null));
            assertEquals("FETCHING", fetch.state());

            Step<DownloadResult> step = fetch.throwIn(new ConnectException("Connection refused"));

            var failed = assertInstanceOf(DownloadResult.DownloadFailed.class, assertInstanceOf(Step.Return.class, step).value());
            assertEquals(Failure.CONNECTION, failed.failure());
            assertEquals("DONE", fetch.state());
        }
    }
}
