package paradigms.greenlets;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Exercise {@code recursive-crawl}: the {@code crawl} as a recursion. A page's visit fetches the
 * page, starts a virtual thread per new link, and waits for those children; the root's visit
 * returns when the whole crawl is over. No outstanding count and no frontier: the tree of
 * waiting visits <em>is</em> the count, and it cannot end early because every parent waits for
 * its children before it returns.
 *
 * <p>Only affordable because a parked virtual thread costs a few kilobytes: every visited page's
 * thread stays parked until its subtree is done, so a crawl of P pages holds up to P threads.
 *
 * <p><b>The bound</b> is a semaphore of C around the fetch <em>only</em>. A visit that held its
 * permit while waiting for its children would deadlock as soon as C parents waited for children
 * that need a permit.
 *
 * <p><b>Shared state:</b> the seen set (concurrent) and the page budget (atomic) decide which
 * links are new — each link is claimed by exactly one visit; the outcomes map is written once
 * per page, by the page's own visit, and read by the caller after every visit has returned.
 */
final class RecursiveCrawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        var budget = new PageBudget(request);
        Set<URI> seen = ConcurrentHashMap.newKeySet();
        seen.add(request.root());
        Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var visits = new Visits(request, trace, http, threads, new Semaphore(request.maxInFlight()), budget, seen, outcomes);
            Future<Void> root = threads.submit(() -> visits.visit(request.root()));
            Tasks.joinAll(threads, List.of(root)); // returns when the root's subtree — the crawl — is done
        }
        return CrawlResult.of(outcomes, budget);
    }

    /** What every visit needs; one per crawl. */
    private record Visits(CrawlRequest request, Trace trace, SocketHttpClient http, ExecutorService threads,
                          Semaphore inFlight, PageBudget budget, Set<URI> seen, Map<URI, CrawlOutcome> outcomes) {

        /** One page's visit, on its own virtual thread: fetch, start the children, wait for them. */
        Void visit(URI url) throws InterruptedException {
            CrawlOutcome outcome = fetch(url);
            outcomes.put(url, outcome);
            List<Future<Void>> children = new ArrayList<>();
            for (URI next : outcome.next()) {
                if (request.inScope(next) && seen.add(next) && budget.claim()) {
                    children.add(threads.submit(() -> visit(next)));
                }
            }
            for (Future<Void> child : children) {
                Tasks.join(child); // parks, holding no permit, until the child's subtree is done
            }
            return null;
        }

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
