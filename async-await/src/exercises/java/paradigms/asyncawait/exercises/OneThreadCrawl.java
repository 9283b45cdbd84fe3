package paradigms.asyncawait.exercises;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code crawl-on-one-thread} (async-await/README.md, "Exercises for you", 3): the
 * chapter's {@code Crawl}, with every continuation after a fetch hopped to one thread that the
 * call owns, named {@value #LOOP_THREAD} — and then the crawl's state in plain, unsynchronised
 * collections and an {@code int}, because only that thread touches them.
 *
 * <p>The contract: the chapter's whole {@code crawl} contract; every page is processed (its
 * {@code SpanNames.request} span) on {@value #LOOP_THREAD}; that thread has ended when
 * {@code crawl} returns.
 */
public final class OneThreadCrawl implements CrawlExercise {

    /** The name of the one thread that processes every page. */
    public static final String LOOP_THREAD = "crawl-loop";

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise crawl-on-one-thread is not done yet: copy the chapter's Crawl into "
                + "OneThreadCrawl.crawl, hop every continuation to a single-thread executor named \"" + LOOP_THREAD
                + "\" (handleAsync(…, loop)) and make its state plain — see async-await/README.md, Exercises for you, 3");
    }
}
