package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code crawl} in callbacks. The shared state — the URLs seen, the outcomes — is plain
 * {@link HashMap}s and {@link HashSet}s with no lock: only the loop thread touches them, and
 * a callback is never interrupted half-way (the loop runs one callback at a time, to its end).
 *
 * <p>There is no "frontier is empty and nobody is fetching" check, the hard part of a
 * threaded crawler: the crawl is over when the loop has no work left, and {@code run()}
 * returns by itself.
 */
final class Crawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) {
        try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            var pages = new Pages(request, trace, loop, client);
            pages.start();
            loop.run(); // returns when no fetch is pending any more: the crawl is over
            return pages.result();
        }
    }

    /** The state of one crawl; loop thread only. */
    private static final class Pages {
        private final CrawlRequest request;
        private final Trace trace;
        private final LoopHttpClient client;
        private final Permits permits;
        private final Set<URI> seen = new HashSet<>();
        private final PageBudget budget;
        private final Map<URI, CrawlOutcome> outcomes = new HashMap<>();

        Pages(CrawlRequest request, Trace trace, EventLoop loop, LoopHttpClient client) {
            this.request = request;
            this.trace = trace;
            this.client = client;
            this.permits = new Permits(loop, request.maxInFlight());
            this.budget = new PageBudget(request);
        }

        /** The root: always fetched, and already counted in the budget. */
        void start() {
            seen.add(request.root());
            permits.acquire(() -> fetch(request.root()));
        }

        CrawlResult result() {
            // A lost callback would leave a URL seen, within the budget, but without outcome.
            if (outcomes.size() != seen.size() - budget.linksNotFollowed()) {
                throw new IllegalStateException("seen " + seen.size() + " URLs, left " + budget.linksNotFollowed()
                        + " unfollowed, but have " + outcomes.size() + " outcomes");
            }
            return CrawlResult.of(outcomes, budget);
        }

        /** A URL found on a page or in a redirect: fetch it once, if it belongs to the site and the budget allows. */
        private void discover(URI url) {
            if (request.inScope(url) && seen.add(url) && budget.claim()) {
                permits.acquire(() -> fetch(url));
            }
        }

        private void fetch(URI url) {
            try (var sending = trace.begin(SpanNames.request(url))) {
                client.get(url, request.timeout(),
                        response -> {
                            try (var reading = trace.begin(SpanNames.answered(url))) {
                                record(url, CrawlOutcome.ofResponse(url, response.status(), response.header("Location"), response.body()));
                            }
                            permits.release();
                        },
                        failure -> {
                            record(url, CrawlOutcome.ofError(failure));
                            permits.release();
                        });
            }
        }

        private void record(URI url, CrawlOutcome outcome) {
            outcomes.put(url, outcome);
            outcome.next().forEach(this::discover);
        }
    }
}
