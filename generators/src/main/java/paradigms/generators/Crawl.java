package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.http.HttpResponse;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * {@code crawl}: a task per page found, at most C fetching at once (a semaphore). The
 * shared state — the URLs seen, the outcomes, how many pages are still being crawled — is
 * plain collections and an {@code int}, without locks: every task runs on the loop thread,
 * and between two {@code yield}s nothing else runs. "Seen" is checked and updated in one
 * go, with no {@code yield} in between, so no page is fetched twice.
 */
final class Crawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            try (var client = new CoroutineHttpClient(scheduler)) {
                return scheduler.run(new SiteCrawl(scheduler, client, request));
            }
        }
    }

    /**
     * The crawl itself: spawns the root's task and waits until the last page's task reports.
     * <pre>
     * START    -> CRAWLING: the root's task spawned; wait for "finished"
     * CRAWLING -> DONE:     no page left: return every outcome
     * </pre>
     */
    static final class SiteCrawl extends Coroutine<CrawlResult> {

        private enum State { START, CRAWLING, DONE }

        private final Scheduler scheduler;
        private final CoroutineHttpClient client;
        private final CrawlRequest request;
        private final Semaphore permits;
        private final Set<URI> seen = new HashSet<>();
        private final PageBudget budget;
        private final Map<URI, CrawlOutcome> outcomes = new HashMap<>();
        private int pagesInProgress;
        private Future<Void> finished;
        private State state = State.START;

        SiteCrawl(Scheduler scheduler, CoroutineHttpClient client, CrawlRequest request) {
            this.scheduler = scheduler;
            this.client = client;
            this.request = request;
            this.permits = new Semaphore(scheduler, "requests in flight", request.maxInFlight());
            this.budget = new PageBudget(request);
        }

        @Override
        protected Step<CrawlResult> resume(Object sent) {
            switch (state) {
                case START -> {
                    finished = scheduler.newFuture("the last page");
                    seen.add(request.root());
                    crawlPage(request.root()); // the root: always fetched, counted in the budget already
                    state = State.CRAWLING;
                    return resultOf(finished);
                }
                case CRAWLING -> {
                    state = State.DONE;
                    return returning(CrawlResult.of(outcomes, budget));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        /** A link found: crawl it unless it is out of scope, already seen, or over the page limit. */
        private void visit(URI url) {
            if (request.inScope(url) && seen.add(url) && budget.claim()) {
                crawlPage(url);
            }
        }

        private void crawlPage(URI url) {
            pagesInProgress++;
            scheduler.spawn(new CrawlPage(this, new LimitedGet(client, permits, url, request.timeout()), url));
        }

        /** A page's task is done with it: keep the outcome, follow what it leads to. */
        private void pageDone(URI url, CrawlOutcome outcome) {
            outcomes.put(url, outcome);
            outcome.next().forEach(this::visit);
            if (--pagesInProgress == 0) {
                finished.complete(null);
            }
        }

        @Override
        public String state() {
            return state == State.CRAWLING ? "CRAWLING (" + pagesInProgress + " pages in progress)" : state.name();
        }

        @Override
        public String name() {
            return "crawl " + request.root().getRawPath();
        }
    }

    /** One page: fetch it (within the limit) and report what was found there. */
    static final class CrawlPage extends Coroutine<Void> {

        private enum State { START, FETCHING, DONE }

        private final SiteCrawl crawl;
        private final LimitedGet get;
        private final URI url;
        private State state = State.START;

        CrawlPage(SiteCrawl crawl, LimitedGet get, URI url) {
            this.crawl = crawl;
            this.get = get;
            this.url = url;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    state = State.FETCHING;
                    return yieldFrom(get);
                }
                case FETCHING -> {
                    HttpResponse response = (HttpResponse) sent;
                    return report(CrawlOutcome.ofResponse(url, response.status(), response.location(), response.body()));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        protected Step<Void> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.FETCHING && !(thrown instanceof CancellationException)) {
                return report(CrawlOutcome.ofError(thrown));
            }
            throw thrown;
        }

        private Step<Void> report(CrawlOutcome outcome) {
            state = State.DONE;
            crawl.pageDone(url, outcome);
            return returning(null);
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return SpanNames.request(url);
        }
    }
}
