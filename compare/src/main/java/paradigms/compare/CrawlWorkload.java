package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.server.Site;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code crawl}: a generated site (seeded, so parent and child generate the same one) crawled
 * with at most {@code maxInFlight} requests in flight. The parent's server serves this site.
 */
record CrawlWorkload(long seed, int pages, Duration slowDelay, int maxInFlight, Duration latency, Repeats repeats)
        implements Workload {

    /** The site generator's seed; parent and child must agree on it (both build their cases from the same plan). */
    static final long SITE_SEED = 42;

    /** This exercise's case in {@code mode}: a generated site whose slow pages answer after 100 ms. */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new CrawlWorkload(SITE_SEED, 30, Duration.ofMillis(100), 8, latency, Repeats.measured(mode)));
            case FULL -> List.of(new CrawlWorkload(SITE_SEED, 150, Duration.ofMillis(100), 10, latency, Repeats.measured(mode)));
        };
    }

    Site site() {
        return Site.generate(seed, pages, slowDelay);
    }

    @Override
    public String id() {
        return "crawl";
    }

    @Override
    public Exercise exercise() {
        return Exercise.CRAWL;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "generated site of %d pages (%d reachable paths), at most %d in flight, %d ms latency",
                pages, site().reachablePaths().size(), maxInFlight, latency.toMillis());
    }

    @Override
    public boolean traced() {
        return true;
    }

    @Override
    public Integer allowedInFlight() {
        return maxInFlight;
    }

    @Override
    public boolean usesServer() {
        return true;
    }

    @Override
    public String unitName() {
        return "pages";
    }

    /**
     * A lower bound: no crawl ends before its longest chain of fetches (a page is known only
     * once the page linking to it has arrived), nor before C requests in parallel have done all
     * the fetching.
     */
    @Override
    public Optional<Duration> ideal() {
        Site site = site();
        Map<String, Long> finish = earliestFinishNanos(site);
        long chain = finish.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long work = site.reachablePaths().stream().mapToLong(path -> cost(site, path)).sum();
        return Optional.of(Duration.ofNanos(Math.max(chain, work / maxInFlight)));
    }

    /** Dijkstra from the root: when each path could at the earliest have been fetched. */
    private Map<String, Long> earliestFinishNanos(Site site) {
        Map<String, Long> finish = new HashMap<>();
        var queue = new PriorityQueue<Map.Entry<String, Long>>(Map.Entry.comparingByValue());
        queue.add(Map.entry(Site.ROOT, cost(site, Site.ROOT)));
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (finish.putIfAbsent(next.getKey(), next.getValue()) != null) {
                continue;
            }
            for (String linked : linksOf(site, next.getKey())) {
                if (!finish.containsKey(linked)) {
                    queue.add(Map.entry(linked, next.getValue() + cost(site, linked)));
                }
            }
        }
        return finish;
    }

    private long cost(Site site, String path) {
        long extra = site.resource(path).map(r -> r instanceof Site.Html html ? html.extraDelay().toNanos() : 0L).orElse(0L);
        return latency.toNanos() + extra;
    }

    /** Where a path leads, resolved the way the site itself resolves its links. */
    private static List<String> linksOf(Site site, String path) {
        URI origin = URI.create("http://site.test");
        List<String> hrefs = switch (site.resource(path).orElse(new Site.Missing())) {
            case Site.Html html -> html.hrefs();
            case Site.Moved moved -> List.of(moved.location());
            case Site.Missing missing -> List.of();
            case Site.Fault fault -> List.of(); // none on compare's site (generated without faults); a dead end
        };
        return hrefs.stream()
                .map(href -> origin.resolve(path).resolve(href).normalize())
                .filter(link -> origin.getHost().equals(link.getHost()))
                .map(URI::getRawPath)
                .toList();
    }

    @Override
    public Prepared<CrawlResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        Set<String> expected = site().reachablePaths();
        var request = new CrawlRequest(fixtures.url(Site.ROOT), maxInFlight);
        var crawler = paradigm.crawl();
        return new Prepared<>() {
            @Override
            public CrawlResult run(Trace trace) throws InterruptedException {
                return crawler.crawl(request, trace);
            }

            @Override
            public Outcome check(CrawlResult result) {
                Set<String> found = result.outcomes().keySet().stream().map(URI::getRawPath)
                        .collect(Collectors.toCollection(TreeSet::new));
                String problem = found.equals(expected) ? null
                        : "found " + found.size() + " paths, the site has " + expected.size() + " reachable";
                return Outcome.of(result.size(), problem);
            }
        };
    }
}
