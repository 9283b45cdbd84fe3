package paradigms.asyncawait.exercises;

import paradigms.asyncawait.futures.AsyncHttp;
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
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exercise {@code crawl-on-one-thread}, solved: the chapter's {@code Crawl} with every step
 * after a fetch hopped to one thread of the call's own, {@value #LOOP_THREAD} — asyncio's
 * arrangement, where every callback runs on the one loop thread.
 *
 * <p><b>Which thread owns what:</b> {@code seen}, {@code outcomes}, {@code pending},
 * {@code queued} and the in-flight count are touched only on {@value #LOOP_THREAD}, so they are
 * plain collections and plain ints. The network's threads (the client's selector, the common
 * pool that completes its futures) only complete a fetch's future; the hop
 * ({@code handleAsync(…, loop)}) carries the answer over. The caller starts the crawl by
 * submitting its first step to the loop, and blocks once in {@link Futures#await}.
 *
 * <p><b>Bounding the fetches without a semaphore:</b> on one thread a counter is enough —
 * {@code inFlight} is below C or the URL waits in {@code queued}, and each answer that comes in
 * starts the next queued URL. (The chapter's {@code AsyncSemaphore} would work too; it is
 * thread-safe, which this no longer needs.)
 *
 * <p><b>Knowing when it is over:</b> as in the chapter, {@code pending} counts URLs claimed
 * and not yet processed; a page's children are counted before the page is uncounted.
 *
 * <p><b>What it costs:</b> every answer crosses one more thread before it is processed, and
 * every page is processed on one thread: on a machine with more cores, pages that could be
 * parsed at the same moment are parsed one after another, and any slow step stalls them all.
 */
public final class OneThreadCrawl implements CrawlExercise {

    /** The name of the one thread that processes every page. */
    public static final String LOOP_THREAD = "crawl-loop";

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(LOOP_THREAD).factory());
        try (HttpClient client = AsyncHttp.newClient(); loop) { // closed in reverse: the loop ends first, then the client
            var pages = new Pages(request, client, loop, trace);
            loop.execute(() -> pages.claim(request.root()));
            Futures.await(pages.done, client::shutdownNow);
            return pages.result();
        }
    }

    /** One crawl's state. Every method runs on {@value #LOOP_THREAD}, except {@link #result()}, read after {@code done}. */
    private static final class Pages {
        private final CrawlRequest request;
        private final HttpClient client;
        private final ExecutorService loop;
        private final Trace trace;
        private final PageBudget budget;
        private final Set<URI> seen = new HashSet<>();               // loop thread only
        private final Map<URI, CrawlOutcome> outcomes = new HashMap<>(); // loop thread only
        private final Queue<URI> queued = new ArrayDeque<>();         // loop thread only: claimed, waiting for a fetch slot
        private int inFlight;                                          // loop thread only
        private int pending;                                           // loop thread only
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Pages(CrawlRequest request, HttpClient client, ExecutorService loop, Trace trace) {
            this.request = request;
            this.client = client;
            this.loop = loop;
            this.trace = trace;
            this.budget = new PageBudget(request);
        }

        /** The root: claimed without the budget, as in every chapter. */
        void claim(URI root) {
            seen.add(root);
            pending++;
            queued.add(root);
            startWhatFits();
        }

        private void startWhatFits() {
            while (inFlight < request.maxInFlight() && !queued.isEmpty()) {
                URI url = queued.poll();
                inFlight++;
                AsyncHttp.get(client, url, request.timeout())
                        .handleAsync((response, error) -> outcomeOf(url, response, error), loop) // the hop
                        .thenAccept(outcome -> processed(url, outcome))                            // still on the loop
                        .whenComplete((ignored, bug) -> {
                            if (bug != null) {
                                done.completeExceptionally(bug); // a bug in our own code: end the crawl loudly
                            }
                        });
            }
        }

        private void processed(URI url, CrawlOutcome outcome) {
            inFlight--;
            try (var running = trace.begin(SpanNames.request(url))) {
                outcomes.put(url, outcome);
                for (URI next : outcome.next()) {
                    if (request.inScope(next) && seen.add(next) && budget.claim()) {
                        pending++;        // the child is counted before its parent is uncounted
                        queued.add(next);
                    }
                }
            }
            startWhatFits();
            if (--pending == 0) {
                done.complete(null);
            }
        }

        /** Read by the caller after {@code done}: the loop's last write happens-before that completion. */
        CrawlResult result() {
            return CrawlResult.of(outcomes, budget);
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
