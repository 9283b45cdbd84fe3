package paradigms.common.crawl;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How the crawl knows it is over: the {@link Frontier}'s outstanding count, guarded by a lock,
 * with a Condition for the caller waiting for the end. No HTTP and no pool here: the tests play
 * the page tasks by hand, so every interleaving is chosen, not hoped for.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FrontierTest {

    private static final URI ROOT = URI.create("http://127.0.0.1:1/");
    private static final URI A = URI.create("http://127.0.0.1:1/a");
    private static final URI B = URI.create("http://127.0.0.1:1/b");

    /** A caller blocked in {@link Frontier#awaitEnd()}, on a thread of its own. */
    private record Waiter(Thread thread, FutureTask<Void> end) {

        /** Blocks until the caller is parked inside {@code awaitEnd()}, waiting on the condition. */
        Waiter parked() {
            await().until(() -> thread.getState() == Thread.State.WAITING);
            return this;
        }

        void ended() throws Exception {
            end.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS); // what awaitEnd() threw is rethrown here
        }
    }

    private final List<Thread> started = new ArrayList<>();

    private static Frontier frontierFor(int maxPages) {
        return new Frontier(ROOT, new PageBudget(new CrawlRequest(ROOT, 1, Duration.ofSeconds(1), maxPages)));
    }

    private Waiter startWaiting(Frontier frontier) {
        var end = new FutureTask<Void>(() -> {
            frontier.awaitEnd();
            return null;
        });
        Thread thread = Thread.ofPlatform().name("waiter-" + started.size()).start(end);
        started.add(thread);
        return new Waiter(thread, end);
    }

    @AfterEach
    void noWaiterOutlivesItsTest() throws InterruptedException {
        for (Thread thread : started) {
            thread.interrupt(); // only matters when a test failed with a waiter still parked
            thread.join();
        }
    }

    @Test
    void theCallerWaitsWhileAPageIsOutstandingEvenWithNoOtherWorkKnown() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        Waiter caller = startWaiting(frontier).parked(); // the root is outstanding: the crawl is not over
        assertEquals(List.of(A), frontier.done(ROOT, List.of(A)));
        assertFalse(caller.end().isDone(), "the caller left while A was still outstanding");

        assertEquals(List.of(), frontier.done(A, List.of()));
        caller.ended();
        assertEquals(0, frontier.outstanding());
    }

    @Test
    void aPageIsNotCountedDoneBeforeItsLinksAreCountedIn() {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        assertEquals(List.of(A), frontier.done(ROOT, List.of(A))); // one step: A counted in, ROOT counted out
        assertEquals(1, frontier.outstanding(), "never zero between the two: nobody may think the crawl is over");
    }

    @Test
    void aUrlLinkedManyTimesIsHandedOutOnce() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        assertEquals(List.of(A, B), frontier.done(ROOT, List.of(A, A, B, ROOT)), "A and B, once each; ROOT was seen already");
        assertEquals(2, frontier.outstanding());
        assertEquals(List.of(), frontier.done(A, List.of(B, ROOT)));
        assertEquals(List.of(), frontier.done(B, List.of(A)));
        startWaiting(frontier).ended(); // nothing new: the crawl is over, a caller arriving now leaves at once
    }

    @Test
    void linksBeyondThePageBudgetAreCountedOnceAndNotHandedOut() throws Exception {
        URI c = URI.create("http://127.0.0.1:1/c");
        var budget = new PageBudget(new CrawlRequest(ROOT, 1, Duration.ofSeconds(1), 2));
        var frontier = new Frontier(ROOT, budget);
        assertEquals(List.of(A), frontier.done(ROOT, List.of(A, B, B, c)), "A only: the root and A make the two pages allowed");
        assertEquals(List.of(), frontier.done(A, List.of(B, c, ROOT)));
        startWaiting(frontier).ended(); // over: B and c were left out
        assertEquals(2, budget.linksNotFollowed(), "B and c, each counted once however often linked");
    }

    @Test
    void aFailingTaskWakesTheCallerWithItsFailure() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        Waiter caller = startWaiting(frontier).parked(); // the root is outstanding, never to be reported: its task fails

        var cause = new IllegalStateException("task failed");
        frontier.fail(cause);

        ExecutionException thrown = assertThrows(ExecutionException.class, caller::ended);
        assertSame(cause, thrown.getCause(), "the task's own exception reaches the caller");
        assertEquals(1, frontier.outstanding(), "the lost page is still counted: the crawl did not complete");
    }
}
