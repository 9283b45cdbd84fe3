package paradigms.greenlets;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The {@code crawl} exercise as a recursion: visiting a page fetches it, starts a virtual
 * thread for each new link, and waits for those children.
 *
 * <p>Knowing when the crawl is over — the hard part with a shared frontier queue — falls out
 * of the shape: the root's visit returns when every page below it has been visited. It costs
 * one parked virtual thread per page still waiting for its children, which is nothing; with
 * platform threads, a crawl this shape would hold an OS thread per page in the site.
 *
 * <p>Shared state, touched by every visiting thread: {@link #seen} (claimed with
 * {@code add}, which is atomic, so exactly one thread fetches each URL) and {@link #outcomes}.
 * The {@link #inFlight} permits are held only around the fetch, never while waiting for
 * children — a parent holding a permit while its children wait for one would deadlock.
 *
 * <p>Why not threading's shape ({@code ThreadedCrawl}: C workers and a locked frontier)? That
 * shape exists because platform threads are dear; here a thread per page is cheap, so the
 * recursion — and its free "the crawl is over" — is the natural program. The fetch itself is
 * the same: the same client, the same socket read.
 */
final class VirtualCrawl {

    private final CrawlRequest request;
    private final Trace trace;
    private final SocketHttpClient http;
    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final Set<URI> seen = ConcurrentHashMap.newKeySet();
    private final PageBudget budget;
    private final Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();

    private VirtualCrawl(CrawlRequest request, Trace trace, SocketHttpClient http, ExecutorService threads) {
        this.request = request;
        this.trace = trace;
        this.http = http;
        this.threads = threads;
        this.inFlight = new Semaphore(request.maxInFlight());
        this.budget = new PageBudget(request);
    }

    static CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        // Closed in reverse order: the threads first (close() waits for every visit), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var crawl = new VirtualCrawl(request, trace, http, threads);
            crawl.seen.add(request.root());
            try {
                crawl.visit(request.root()); // on the caller's thread; everything below it on virtual threads
            } catch (Throwable failed) {
                threads.shutdownNow(); // interrupted, or a visit failed: stop the visits still running
                throw failed;
            }
            return CrawlResult.of(crawl.outcomes, crawl.budget);
        }
    }

    /** Fetches {@code url}, then visits its new in-scope links concurrently and waits for them all. */
    private void visit(URI url) throws InterruptedException {
        CrawlOutcome outcome = fetch(url);
        outcomes.put(url, outcome);
        List<Future<Void>> children = new ArrayList<>();
        for (URI next : outcome.next()) {
            if (request.inScope(next) && seen.add(next) && budget.claim()) {
                children.add(threads.submit(() -> {
                    visit(next);
                    return null;
                }));
            }
        }
        for (Future<Void> child : children) {
            Tasks.join(child); // waiting is cheap: this virtual thread unmounts until the child is done
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
