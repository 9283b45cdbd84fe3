package paradigms.common.crawl;

import paradigms.common.trace.Trace;

/**
 * The {@code crawl} exercise: I/O plus shared state (the set of URLs seen, the frontier, and
 * knowing when the crawl is over).
 *
 * <p>Contract (checked by {@code CrawlContract}): the result holds exactly the in-scope URLs
 * reachable from the root through links and redirects; each was fetched exactly once; never
 * more than C requests in flight; the call returns once nothing is left to fetch.
 * Build outcomes with {@link CrawlOutcome#ofResponse} and {@link CrawlOutcome#ofError}.
 */
public interface CrawlExercise {

    CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException;
}
