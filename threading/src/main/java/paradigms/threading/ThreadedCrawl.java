package paradigms.threading;

import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code crawl} on platform threads: C workers, each looping "take a URL from the
 * {@link Frontier}, fetch it (blocking), report its links", until the frontier says the crawl
 * is over. The frontier is the only shared state that needs a lock; the outcomes go into a
 * {@link ConcurrentHashMap}, because each worker writes only the URLs it fetched itself.
 *
 * <p><b>How C is respected:</b> C threads, each with at most one request out.
 *
 * <p><b>Threads:</b> the caller starts {@code crawl-1 … crawl-C} and blocks on their futures;
 * it reads the outcomes only after every worker has finished ({@link Future#get} is the
 * happens-before edge). Each worker's fetch sits in the socket read inside
 * {@link SocketHttpClient#crawl}; the client is shared and keeps up to C connections alive.
 * A worker that dies of an unexpected exception tells the frontier, so
 * the others stop instead of waiting for work that will never be reported, and the caller
 * rethrows the exception.
 */
final class ThreadedCrawl {

    private ThreadedCrawl() {
    }

    static CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        var budget = new PageBudget(request);
        var frontier = new Frontier(request.root(), budget);
        Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();
        // Closed in reverse order: the threads first (close() waits for every worker), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService workers = Threads.fixedPool("crawl", request.maxInFlight())) {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < request.maxInFlight(); i++) {
                running.add(workers.submit(() -> {
                    work(frontier, http, request, outcomes, trace);
                    return null;
                }));
            }
            for (Future<Void> worker : running) {
                Threads.await(worker);
            }
        }
        return CrawlResult.of(outcomes, budget);
    }

    /** One worker's loop; runs on its own thread until the frontier is exhausted. */
    private static void work(Frontier frontier, SocketHttpClient http, CrawlRequest request,
                             Map<URI, CrawlOutcome> outcomes, Trace trace) throws InterruptedException {
        try {
            for (Optional<URI> next = frontier.take(); next.isPresent(); next = frontier.take()) {
                URI url = next.get();
                CrawlOutcome outcome = fetch(http, url, request, trace);
                outcomes.put(url, outcome);
                frontier.done(url, outcome.next().stream().filter(request::inScope).toList());
            }
        } catch (Throwable e) {
            frontier.fail(e); // without this, the others would wait for this worker's links forever
            throw e;
        }
    }

    /** Runs on a worker: one blocking GET, read as a crawler reads it. */
    private static CrawlOutcome fetch(SocketHttpClient http, URI url, CrawlRequest request, Trace trace)
            throws InterruptedException {
        try (var running = trace.begin(SpanNames.request(url))) {
            return http.crawl(url, request.timeout()); // the thread sits in the socket's read
        }
    }
}
