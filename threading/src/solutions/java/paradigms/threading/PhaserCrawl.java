package paradigms.threading;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exercise {@code phaser-frontier}: the chapter's {@code crawl} with a {@link Phaser} counting
 * the outstanding pages instead of the {@code Frontier}'s lock-guarded count.
 *
 * <p><b>The count is the phaser's parties.</b> One party per page whose task has not reported:
 * the root's is registered when the phaser is made; a page's task registers one party per new
 * link <em>before</em> it submits that link's task, and only then arrives and deregisters its
 * own. So the count cannot touch zero while a task still has links to hand on — the same
 * "count in before count out" as {@code Frontier.done}, now spread over two calls. Phase 0 ends
 * when the last party deregisters: that is the end of the crawl, and the caller waits for it.
 *
 * <p><b>Where the lock went.</b> Nowhere is needed: the seen set is a concurrent set and the
 * budget an atomic, and the set and the count no longer have to change in one step, because a
 * task's own party keeps the phase open while it counts its links in.
 *
 * <p><b>A limit the lock did not have:</b> a phaser holds at most 65,535 parties, so a crawl
 * with more pages outstanding at once fails in {@code register()} (a tree of phasers lifts it).
 *
 * <p><b>Threads:</b> as in {@code Crawl}: a pool of C platform threads, each task holding its
 * thread for the whole fetch; the caller waits on the phaser. A failing task records the first
 * failure and force-terminates the phaser, which ends the caller's wait.
 */
final class PhaserCrawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        var budget = new PageBudget(request);
        Set<URI> seen = ConcurrentHashMap.newKeySet();
        seen.add(request.root());
        var outstanding = new Phaser(1); // one party: the root, whose task is submitted first
        var failure = new AtomicReference<Throwable>();
        Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Threads.fixedPool("crawl", request.maxInFlight())) {
            var pages = new Pages(request, trace, http, threads, budget, seen, outstanding, failure, outcomes);
            pages.submit(request.root());
            try {
                outstanding.awaitAdvanceInterruptibly(0); // phase 0 ends when the last page's party leaves
            } catch (InterruptedException interrupted) {
                threads.shutdownNow();
                throw interrupted;
            }
            if (failure.get() != null) {
                threads.shutdownNow(); // a task failed: drop the queued tasks, interrupt the running
                throw rethrow(failure.get());
            }
        }
        return CrawlResult.of(outcomes, budget);
    }

    private static InterruptedException rethrow(Throwable failure) {
        return switch (failure) {
            case InterruptedException interrupted -> interrupted;
            case RuntimeException unchecked -> throw unchecked;
            case Error error -> throw error;
            default -> throw new IllegalStateException("a page's task failed: " + failure, failure);
        };
    }

    /** What every page's task needs; one per crawl. */
    private record Pages(CrawlRequest request, Trace trace, SocketHttpClient http, ExecutorService threads,
                         PageBudget budget, Set<URI> seen, Phaser outstanding,
                         AtomicReference<Throwable> failure, Map<URI, CrawlOutcome> outcomes) {

        void submit(URI url) {
            threads.execute(() -> visit(url));
        }

        /** One page's task: fetch, record, count the new links in, then count itself out. */
        private void visit(URI url) {
            try {
                CrawlOutcome outcome = fetch(url);
                outcomes.put(url, outcome);
                for (URI next : outcome.next()) {
                    if (request.inScope(next) && seen.add(next) && budget.claim()) {
                        outstanding.register(); // counted in before this page is counted out
                        submit(next);
                    }
                }
                outstanding.arriveAndDeregister();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                outstanding.forceTermination(); // without this, the caller would wait for this page forever
            }
        }

        private CrawlOutcome fetch(URI url) throws InterruptedException {
            try (var running = trace.begin(SpanNames.request(url))) {
                return http.crawl(url, request.timeout()); // the thread sits in the socket's read
            }
        }
    }
}
