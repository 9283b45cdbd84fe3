package paradigms.threading;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import paradigms.common.contract.TestTimeouts;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.PageBudget;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * How the crawl knows it is over: the {@link Frontier}'s outstanding count, guarded by a lock,
 * with a Condition for workers that find the queue empty. No HTTP here: the tests play the
 * workers by hand, so every interleaving is chosen, not hoped for.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FrontierTest {

    private static final URI ROOT = URI.create("http://127.0.0.1:1/");
    private static final URI A = URI.create("http://127.0.0.1:1/a");
    private static final URI B = URI.create("http://127.0.0.1:1/b");

    /** A worker blocked in {@link Frontier#take()}, on a thread of its own. */
    private record Taker(Thread thread, FutureTask<Optional<URI>> next) {

        /** Blocks until the worker is parked inside {@code take()}, waiting on the condition. */
        Taker waiting() {
            await().until(() -> thread.getState() == Thread.State.WAITING);
            return this;
        }

        Optional<URI> result() throws Exception {
            return next.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS); // a failure inside take() is rethrown here
        }
    }

    private final List<Thread> started = new ArrayList<>();

    private static Frontier frontierFor(int maxPages) {
        return new Frontier(ROOT, new PageBudget(new CrawlRequest(ROOT, 1, Duration.ofSeconds(1), maxPages)));
    }

    private Taker startTaking(Frontier frontier) {
        var next = new FutureTask<>(frontier::take);
        Thread thread = Thread.ofPlatform().name("taker-" + started.size()).start(next);
        started.add(thread);
        return new Taker(thread, next);
    }

    @AfterEach
    void noTakerOutlivesItsTest() throws InterruptedException {
        for (Thread thread : started) {
            thread.interrupt(); // only matters when a test failed with a taker still waiting
            thread.join();
        }
    }

    @Test
    void aWorkerFindingTheQueueEmptyWaitsWhileAPageIsInFlightAndGetsTheLinksItReports() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        assertEquals(Optional.of(ROOT), frontier.take()); // the root is now in flight; the queue is empty

        Taker second = startTaking(frontier).waiting();  // empty queue, but work outstanding: it must wait
        assertFalse(second.next().isDone(), "a worker left while a page was still being fetched");

        frontier.done(ROOT, List.of(A));
        assertEquals(Optional.of(A), second.result());
        assertEquals(1, frontier.outstanding(), "A is being fetched");
    }

    @Test
    void everyWaitingWorkerLeavesWhenTheLastPageInFlightIsDone() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        frontier.take();
        Taker one = startTaking(frontier).waiting();
        Taker two = startTaking(frontier).waiting();

        frontier.done(ROOT, List.of()); // no links: nothing queued, nothing in flight

        assertEquals(Optional.empty(), one.result());
        assertEquals(Optional.empty(), two.result());
        assertEquals(Optional.empty(), frontier.take(), "a worker arriving after the end leaves at once");
        assertEquals(0, frontier.outstanding());
    }

    @Test
    void aPageIsNotCountedDoneBeforeItsLinksAreCountedIn() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        frontier.take();
        frontier.done(ROOT, List.of(A)); // one step: A counted in, ROOT counted out
        assertEquals(1, frontier.outstanding(), "never zero between the two: nobody may think the crawl is over");
        assertEquals(Optional.of(A), frontier.take());
    }

    @Test
    void aUrlLinkedManyTimesIsQueuedOnce() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        frontier.take();
        frontier.done(ROOT, List.of(A, A, B, ROOT));
        assertEquals(2, frontier.outstanding(), "A and B, once each; ROOT was seen already");
        assertEquals(Optional.of(A), frontier.take());
        assertEquals(Optional.of(B), frontier.take());
        frontier.done(A, List.of(B, ROOT));
        frontier.done(B, List.of(A));
        assertEquals(Optional.empty(), frontier.take(), "nothing new: the crawl is over");
    }

    @Test
    void linksBeyondThePageBudgetAreCountedOnceAndNotQueued() throws Exception {
        URI c = URI.create("http://127.0.0.1:1/c");
        var budget = new PageBudget(new CrawlRequest(ROOT, 1, Duration.ofSeconds(1), 2));
        var frontier = new Frontier(ROOT, budget);
        frontier.take();
        frontier.done(ROOT, List.of(A, B, B, c));
        assertEquals(1, frontier.outstanding(), "A only: the root and A make the two pages allowed");
        assertEquals(Optional.of(A), frontier.take());
        frontier.done(A, List.of(B, c, ROOT));
        assertEquals(Optional.empty(), frontier.take(), "over: B and c were left out");
        assertEquals(2, budget.linksNotFollowed(), "B and c, each counted once however often linked");
    }

    @Test
    void aDyingWorkerWakesTheWaitingOnesSoThatTheyStop() throws Exception {
        var frontier = frontierFor(CrawlRequest.DEFAULT_MAX_PAGES);
        frontier.take(); // in flight, never to be reported: its worker dies
        Taker waiting = startTaking(frontier).waiting();

        frontier.fail(new IllegalStateException("worker died"));

        assertEquals(Optional.empty(), waiting.result());
        assertEquals(1, frontier.outstanding(), "the lost page is still counted: the crawl did not complete");
    }
}
