package paradigms.multiprocessing;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.download.Failure;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerResources;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code crawl} on worker processes. The shared state — the frontier, the set of URLs seen,
 * the outcomes, and knowing when the crawl is over — lives in the parent, on the calling
 * thread alone; workers only fetch a page and send back what they found. Processes share no
 * memory, so there is no lock to forget: everything crosses a pipe as a message.
 *
 * <p>On the wire: {@code task ID crawl URL TIMEOUT_NS} → {@code done ID … page STATUS LINK…},
 * {@code … redirect STATUS LOCATION} or {@code … failed FAILURE STATUS DETAIL}.
 */
final class Crawl implements CrawlExercise {

    static final String KIND = "crawl";


    /** A page a worker fetched, handed from a pool thread to the crawling thread. */
    private record Fetched(URI url, CrawlOutcome outcome, Throwable error) {
    }

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        // Owned by this thread alone. The pool's threads touch only `fetched`, a thread-safe queue.
        Map<URI, CrawlOutcome> outcomes = new HashMap<>();
        Set<URI> seen = new HashSet<>(List.of(request.root()));
        var frontier = new ArrayDeque<>(List.of(request.root()));
        var fetched = new LinkedBlockingQueue<Fetched>();
        var budget = new PageBudget(request);
        int inFlight = 0;

        int workers = Math.min(request.maxInFlight(), Download.MAX_WAITING_WORKERS);
        try (var pool = Workers.pool().size(workers).forWaiting().start()) {
            while (!frontier.isEmpty() || inFlight > 0) {
                // Keep every worker busy, never more: C workers, at most C fetches out.
                while (!frontier.isEmpty() && inFlight < pool.size()) {
                    URI url = frontier.poll();
                    pool.submit(new CrawlJob(url, request.timeout()), trace)
                            .whenComplete((outcome, error) -> fetched.add(new Fetched(url, outcome, error)));
                    inFlight++;
                }
                Fetched page = fetched.take();
                inFlight--;
                CrawlOutcome outcome = page.error() == null ? page.outcome() : CrawlOutcome.ofError(page.error());
                outcomes.put(page.url(), outcome);
                for (URI next : outcome.next()) {
                    if (request.inScope(next) && seen.add(next) && budget.claim()) {
                        frontier.add(next);
                    }
                }
            }
        }
        return CrawlResult.of(outcomes, budget);
    }

    /** The parent's half. */
    record CrawlJob(URI url, Duration timeout) implements Job<CrawlOutcome> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(url.toString(), String.valueOf(timeout.toNanos()));
        }

        @Override
        public CrawlOutcome decode(List<String> values) throws Wire.BadFrameException {
            Values result = Values.of(values).expectAtLeast(1, "a crawl reply");
            String kind = result.text(0, "outcome");
            return switch (kind) {
                case "page" -> {
                    result.expectAtLeast(2, "a page");
                    List<URI> links = new ArrayList<>();
                    for (int i = 2; i < result.size(); i++) {
                        links.add(result.uri(i, "link"));
                    }
                    yield new CrawlOutcome.Page(result.integer(1, "status"), links);
                }
                case "redirect" -> {
                    result.expectSize(3, "a redirect");
                    yield new CrawlOutcome.Redirect(result.integer(1, "status"), result.uri(2, "location"));
                }
                case "failed" -> {
                    result.expectSize(4, "a failed fetch");
                    yield new CrawlOutcome.Failed(result.oneOf(Failure.class, 1, "failure"), result.integer(2, "status"),
                            result.text(3, "detail"));
                }
                default -> throw new Wire.BadFrameException("unknown crawl outcome \"" + Wire.excerpt(kind) + "\"");
            };
        }

        /** A worker that died twice on this page: the page's failure, and the crawl goes on. */
        @Override
        public CrawlOutcome ifWorkerFails(PoolException failure) {
            return CrawlOutcome.ofError(failure);
        }

        @Override
        public String label() {
            return SpanNames.request(url);
        }
    }

    /** The worker's half: fetch one page and read it the way every chapter does. */
    static List<String> work(List<String> arguments, WorkerResources resources) throws Exception {
        Values task = Values.of(arguments).expectSize(2, "a crawl task");
        URI url = task.uri(0, "url");
        Duration timeout = Duration.ofNanos(task.number(1, "timeout"));
        resources.warmUpHttpOnce();
        return switch (resources.http().crawl(url, timeout)) {
            case CrawlOutcome.Page page -> {
                List<String> values = new ArrayList<>(List.of("page", String.valueOf(page.status())));
                page.links().forEach(link -> values.add(link.toString()));
                yield values;
            }
            case CrawlOutcome.Redirect redirect ->
                    List.of("redirect", String.valueOf(redirect.status()), redirect.location().toString());
            case CrawlOutcome.Failed failed ->
                    List.of("failed", failed.failure().name(), String.valueOf(failed.status()), failed.detail());
        };
    }
}
