package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.download.Failure;
import paradigms.common.server.LocalWebServer;
import paradigms.common.server.Site;
import paradigms.common.trace.Trace;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code crawl} exercise's contract, on a generated site with cycles, redirects, broken
 * links, external links, slow pages and orphans: exactly the reachable set, each page fetched
 * once, at most C in flight, and a clean end; and, on a site without end, a stop at the page
 * limit.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface CrawlContract extends ParadigmContract {

    private static Site site() {
        return Site.generate(42, 150, Duration.ofMillis(40));
    }

    private CrawlResult crawl(CrawlRequest request) throws InterruptedException {
        return paradigm().crawl().crawl(request, Trace.off());
    }

    @Test
    default void findsExactlyTheReachablePagesAndFetchesEachOnce() throws Exception {
        Site site = site();
        try (var server = LocalWebServer.builder().site(site).latency(Duration.ofMillis(1)).start()) {
            CrawlResult result = crawl(new CrawlRequest(server.siteRoot(), 5));

            Set<String> found = result.outcomes().keySet().stream().map(URI::getRawPath).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(site.reachablePaths(), found, "the crawl found exactly the reachable paths");
            for (URI url : result.outcomes().keySet()) {
                assertEquals(server.url(url.getRawPath()), url, "only in-scope, normalized URLs");
            }
            Map<String, Integer> requests = server.requestsByTarget();
            assertEquals(site.reachablePaths(), new TreeSet<>(requests.keySet()), "requested exactly the reachable paths");
            requests.forEach((path, count) -> assertEquals(1, count, path + " fetched exactly once"));
            assertTrue(site.reachablePaths().size() > 100, "the site is big enough to mean something");
            assertEquals(0, result.linksNotFollowed(), "the whole site is within the default page limit");
        }
    }

    /**
     * A site without end (every page links to new ones): only the page limit ends the crawl.
     * It must end with exactly {@code maxPages} pages, each fetched once, and say it stopped.
     */
    @Test
    default void stopsAtMaxPagesOnASiteWithoutEnd() throws Exception {
        try (var server = LocalWebServer.builder().latency(Duration.ofMillis(2)).start()) {
            CrawlResult result = crawl(new CrawlRequest(server.url("/endless/0"), 4, Duration.ofSeconds(5), 40));

            assertEquals(40, result.size(), "exactly maxPages pages");
            Map<String, Integer> requests = server.requestsByTarget();
            assertEquals(40, requests.values().stream().mapToInt(Integer::intValue).sum(), "exactly maxPages requests");
            requests.forEach((path, count) -> assertEquals(1, count, path + " fetched exactly once"));
            Set<String> found = result.outcomes().keySet().stream().map(URI::getRawPath).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(requests.keySet()), found, "an outcome for every request, and only for them");
            result.outcomes().forEach((url, outcome) -> assertInstanceOf(CrawlOutcome.Page.class, outcome, url.toString()));
            assertTrue(result.stoppedAtMaxPages(), "the result says links were left: " + result.linksNotFollowed());
        }
    }

    /**
     * The limit's edges on the generated site: a limit of exactly the reachable count crawls all
     * of it and leaves nothing; one less fetches one page less, each once, and says so.
     */
    @Test
    default void aPageLimitOfTheSiteSizeCrawlsAllOfItAndOneLessStopsOneShort() throws Exception {
        Site site = site();
        int reachable = site.reachablePaths().size();
        try (var server = LocalWebServer.builder().site(site).start()) {
            CrawlResult all = crawl(new CrawlRequest(server.siteRoot(), 5, Duration.ofSeconds(10), reachable));
            assertEquals(reachable, all.size(), "a limit of exactly the site's size: the whole site");
            assertEquals(0, all.linksNotFollowed(), "nothing left out");
        }
        try (var server = LocalWebServer.builder().site(site).start()) {
            CrawlResult cut = crawl(new CrawlRequest(server.siteRoot(), 5, Duration.ofSeconds(10), reachable - 1));
            assertEquals(reachable - 1, cut.size(), "one page less");
            Set<String> found = cut.outcomes().keySet().stream().map(URI::getRawPath).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(site.reachablePaths().containsAll(found), "only reachable pages");
            server.requestsByTarget().forEach((path, count) -> assertEquals(1, count, path + " fetched exactly once"));
            assertEquals(found, new TreeSet<>(server.requestsByTarget().keySet()), "requested exactly the pages reported");
            assertTrue(cut.stoppedAtMaxPages(), "the result says it stopped short");
            assertTrue(cut.size() + cut.linksNotFollowed() <= reachable,
                    "links left out are distinct reachable pages: " + cut.linksNotFollowed());
        }
    }

    @Test
    default void readsPagesRedirectsAndBrokenLinksForWhatTheyAre() throws Exception {
        Site site = site();
        try (var server = LocalWebServer.builder().site(site).start()) {
            CrawlResult result = crawl(new CrawlRequest(server.siteRoot(), 4));
            int redirects = 0;
            int broken = 0;
            for (var entry : result.outcomes().entrySet()) {
                String path = entry.getKey().getRawPath();
                CrawlOutcome outcome = entry.getValue();
                if (path.startsWith("/site/page/")) {
                    assertTrue(!assertInstanceOf(CrawlOutcome.Page.class, outcome, path).links().isEmpty(), path + " has links");
                } else if (path.startsWith("/site/moved/") || path.startsWith("/site/hop/")) {
                    redirects++;
                    var redirect = assertInstanceOf(CrawlOutcome.Redirect.class, outcome, path);
                    assertTrue(result.outcomes().containsKey(redirect.location()), "followed " + path + " to " + redirect.location());
                } else if (path.startsWith("/site/gone/")) {
                    broken++;
                    var failed = assertInstanceOf(CrawlOutcome.Failed.class, outcome, path);
                    assertEquals(Failure.HTTP_STATUS, failed.failure());
                    assertEquals(404, failed.status());
                }
            }
            assertTrue(redirects > 0 && broken > 0, "the site has redirects (" + redirects + ") and broken links (" + broken + ")");
        }
    }

    @Test
    default void neverHasMoreThanMaxInFlightRequestsOutstanding() throws Exception {
        try (var server = LocalWebServer.builder().site(site()).latency(Duration.ofMillis(5)).start()) {
            crawl(new CrawlRequest(server.siteRoot(), 2));
            assertTrue(server.maxInFlight() <= 2, "server saw " + server.maxInFlight() + " in flight with maxInFlight 2");
        }
    }

    @Test
    default void waitsForMaxInFlightRequestsAtOnceWhenItClaimsConcurrentWaiting() throws Exception {
        assumeClaim(Claim.WAITS_CONCURRENTLY);
        // 100 ms per page: long enough that four requests overlap even on a slow, busy machine.
        try (var server = LocalWebServer.builder().site(Site.generate(7, 60, Duration.ZERO)).latency(Duration.ofMillis(100)).start()) {
            crawl(new CrawlRequest(server.siteRoot(), 4));
            assertEquals(4, server.maxInFlight(), "the server's observed maximum of requests in flight");
        }
    }

    /**
     * The fault matrix for crawl: pages that answer 500, reset mid-answer, never answer, or
     * stall after their headers. Each is recorded once, with its own failure explained, and the
     * crawl still ends.
     */
    @Test
    default void recordsEachFaultyPageOnceWithItsFailureAndStillEnds() throws Exception {
        Site site = Site.generate(42, 60, Duration.ZERO, true);
        try (var server = LocalWebServer.builder().site(site).start()) {
            CrawlResult result = crawl(new CrawlRequest(server.siteRoot(), 4, TestTimeouts.scaled(Duration.ofMillis(700))));
            Set<String> found = result.outcomes().keySet().stream().map(URI::getRawPath).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(site.reachablePaths(), found, "the crawl found exactly the reachable paths");
            server.requestsByTarget().forEach((path, count) -> assertEquals(1, count, path + " fetched exactly once"));
            Map<String, Failure> expected = Map.of("/site/error/", Failure.HTTP_STATUS, "/site/reset/", Failure.CONNECTION,
                    "/site/hang/", Failure.TIMEOUT, "/site/stall/", Failure.TIMEOUT);
            Set<String> kindsSeen = new TreeSet<>();
            int faults = 0;
            for (var entry : result.outcomes().entrySet()) {
                String path = entry.getKey().getRawPath();
                for (var kind : expected.entrySet()) {
                    if (path.startsWith(kind.getKey())) {
                        faults++;
                        var failed = assertInstanceOf(CrawlOutcome.Failed.class, entry.getValue(), path);
                        assertEquals(kind.getValue(), failed.failure(), path + ": " + failed.detail());
                        assertTrue(!failed.detail().isBlank(), path + ": a failure explains itself");
                        kindsSeen.add(kind.getKey());
                    }
                }
            }
            assertEquals(expected.keySet(), kindsSeen, "the site has faults of every kind (" + faults + " in all)");
        }
    }

    @Test
    default void endsCleanlyWhenTheRootIsBroken() throws Exception {
        try (var server = LocalWebServer.builder().site(site()).start()) {
            URI root = server.url("/site/gone/1");
            CrawlResult result = crawl(new CrawlRequest(root, 3));
            assertEquals(Set.of(root), result.outcomes().keySet());
            assertEquals(404, assertInstanceOf(CrawlOutcome.Failed.class, result.outcomes().get(root)).status());
        }
    }

    @Test
    default void endsCleanlyWhenNoServerListens() throws Exception {
        int port;
        try (var probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free once closed: nothing listens there
        }
        URI root = URI.create("http://127.0.0.1:" + port + "/");
        CrawlResult result = crawl(new CrawlRequest(root, 3, Duration.ofSeconds(5)));
        assertEquals(Set.of(root), result.outcomes().keySet());
        assertEquals(Failure.CONNECTION, assertInstanceOf(CrawlOutcome.Failed.class, result.outcomes().get(root)).failure());
    }
}
