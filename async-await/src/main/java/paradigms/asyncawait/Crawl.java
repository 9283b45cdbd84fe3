package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code crawl} with futures: every page found starts its own fetch chain, and the crawl is
 * over when no chain is left.
 *
 * <p><b>Knowing when it is over</b> is the hard part. There is no queue to see empty: work
 * exists only as chains in flight. So the crawl counts them: {@code pending} is the number of
 * URLs whose fetch has been started but whose page has not been fully processed. A URL is
 * counted <em>before</em> its fetch starts, and its parent is uncounted only <em>after</em>
 * it has counted all its children — so the count can only reach zero when nothing is in
 * flight and nothing is about to be. The chain that brings it to zero completes {@code done}.
 * (asyncio's crawler uses {@code Queue.join()}, which counts unfinished tasks the same way.)
 *
 * <p><b>Threads, and why the shared state is concurrent:</b> continuations run on the common
 * pool (see {@link AsyncHttp}). It has one thread on this 2-core machine, but several on a
 * bigger one, and then two pages are processed at the same moment. So nothing here relies
 * on one thread: {@code seen.add} is the atomic check-and-claim that keeps each URL fetched
 * once; {@code outcomes} and {@code pending} are concurrent too. (asyncio gets away with a
 * plain set because its callbacks all run on its one loop thread. Making every continuation
 * hop to one thread of ours with {@code thenAcceptAsync(…, loop)} would buy the same here.)
 */
final class Crawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        try (HttpClient client = AsyncHttp.newClient()) {
            var pages = new Pages(request, client, trace);
            pages.visit(request.root());
            Futures.await(pages.done, client::shutdownNow);
            return CrawlResult.of(pages.outcomes, pages.budget);
        }
    }

    /** One crawl's state, shared by every chain of it; thread-safe, see the class comment. */
    private static final class Pages {
        private final CrawlRequest request;
        private final HttpClient client;
        private final Trace trace;
        private final AsyncSemaphore inFlight;
        private final Set<URI> seen = ConcurrentHashMap.newKeySet();
        private final PageBudget budget;
        private final Map<URI, CrawlOutcome> outcomes = new ConcurrentHashMap<>();
        private final AtomicInteger pending = new AtomicInteger();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Pages(CrawlRequest request, HttpClient client, Trace trace) {
            this.request = request;
            this.client = client;
            this.trace = trace;
            this.inFlight = new AsyncSemaphore(request.maxInFlight());
            this.budget = new PageBudget(request);
            seen.add(request.root());
        }

        /** Starts the chain for a URL this crawl has just claimed in {@code seen}. */
        void visit(URI url) {
            pending.incrementAndGet(); // before the fetch starts: see the class comment
            inFlight.withPermit(() -> AsyncHttp.get(client, url, request.timeout()))
                    .handle((response, error) -> outcomeOf(url, response, error))
                    .thenAccept(outcome -> follow(url, outcome))
                    .whenComplete((ignored, bug) -> {
                        if (bug != null) {
                            done.completeExceptionally(bug); // a bug in our own code: end the crawl loudly
                        } else if (pending.decrementAndGet() == 0) {
                            done.complete(null);
                        }
                    });
        }

        private void follow(URI url, CrawlOutcome outcome) {
            try (var running = trace.begin(SpanNames.request(url))) {
                outcomes.put(url, outcome);
                for (URI next : outcome.next()) {
                    if (request.inScope(next) && seen.add(next) && budget.claim()) {
                        visit(next);
                    }
                }
            }
        }

        private static CrawlOutcome outcomeOf(URI url, HttpResponse<byte[]> response, Throwable error) {
            if (error != null) {
                return CrawlOutcome.ofError(error);
            }
            return CrawlOutcome.ofResponse(url, response.statusCode(),
                    response.headers().firstValue("Location").orElse(null), response.body());
        }
    }
}
