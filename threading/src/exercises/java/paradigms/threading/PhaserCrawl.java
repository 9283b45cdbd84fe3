package paradigms.threading;

import paradigms.common.crawl.CrawlExercise;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.exercises.NotDoneYet;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code phaser-frontier} (threading/README.md, Exercises for you, 4): the chapter's
 * crawl with a {@code java.util.concurrent.Phaser} counting the outstanding pages.
 */
final class PhaserCrawl implements CrawlExercise {

    @Override
    public CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise phaser-frontier is not done yet: implement PhaserCrawl.crawl"
                + " (Crawl with a Phaser instead of the Frontier) — see threading/README.md, Exercises for you, 4");
    }
}
