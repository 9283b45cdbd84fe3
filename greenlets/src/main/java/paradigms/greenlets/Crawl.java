package paradigms.greenlets;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.Frontier;
import paradigms.common.crawl.PageBudget;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code crawl} on virtual threads: one task per page, each on a virtual thread of its own.
 * A page's task fetches it (blocking), records its outcome, and submits a task for each new
 * link; the {@link Frontier} says which links are new and when the crawl is over.
 *
 * <p><b>How C is respected:</b> a semaphore of C permits, held around the fetch, so at most C
 * requests are out; the other pages' threads park on the semaphore, which costs them nothing.
 *
 * <p><b>Threads:</b> the caller submits the root's task and waits in
 * {@link Frontier#awaitEnd}; every other task is submitted by the task of the page that links
 * to it. Each task's fetch parks in the socket read inside {@link SocketHttpClient#crawl}; the
 * client is shared and keeps up to C connections alive. The outcomes go into a
 * {@link ConcurrentHashMap}, each written by the one task that fetched its page; the caller
 * reads them after the executor's {@code close()} has waited for every task. A task that
 * fails tells the frontier, which ends the wait and rethrows the failure on the caller.
 *
 * <p>threading's {@code Crawl} is this class but for how its threads are made (a fixed pool of
 * C platform threads) and bounded (the pool's size): {@code diff} the two.
 */
final class Crawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        var budget = new PageBudget(request);
        var frontier = new Frontier(request.root(), budget);
        Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var pages = new Pages(request, trace, http, threads, new Semaphore(request.maxInFlight()), frontier, outcomes);
            pages.submit(request.root());
            try {
                frontier.awaitEnd(); // rethrows what a page's task threw
            } catch (Throwable failed) {
                threads.shutdownNow(); // interrupted, or a task failed: drop the queued tasks, interrupt the running
                throw failed;
            }
        }
        return CrawlResult.of(outcomes, budget);
    }

    /** What every page's task needs; one per crawl. */
    private record Pages(CrawlRequest request, Trace trace, SocketHttpClient http, ExecutorService threads,
                         Semaphore inFlight, Frontier frontier, Map<URI, CrawlOutcome> outcomes) {

        /** Submits the task for one page. */
        void submit(URI url) {
            threads.execute(() -> visit(url));
        }

        /** One page's task: fetch, record, submit the new links; a failure ends the crawl. */
        private void visit(URI url) {
            try {
                CrawlOutcome outcome = fetch(url);
                outcomes.put(url, outcome);
                for (URI next : frontier.done(url, outcome.next().stream().filter(request::inScope).toList())) {
                    submit(next);
                }
            } catch (Throwable e) {
                frontier.fail(e); // without this, the caller would wait for this page forever
            }
        }

        /** Runs on the page's virtual thread: one blocking GET, read as a crawler reads it. */
        private CrawlOutcome fetch(URI url) throws InterruptedException {
            inFlight.acquire(); // parks this virtual thread, not a carrier, until a permit is free
            try (var running = trace.begin(SpanNames.request(url))) {
                return http.crawl(url, request.timeout()); // the thread parks in the socket's read
            } finally {
                inFlight.release();
            }
        }
    }
}
