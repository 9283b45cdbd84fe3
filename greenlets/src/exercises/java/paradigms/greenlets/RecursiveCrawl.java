package paradigms.greenlets;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code recursive-crawl} (greenlets/README.md, Exercises for you, 4): the crawl as a
 * recursion — each visit starts a virtual thread per new link and waits for its children.
 */
final class RecursiveCrawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise recursive-crawl is not done yet: implement RecursiveCrawl.crawl — see greenlets/README.md, Exercises for you, 4");
    }
}
