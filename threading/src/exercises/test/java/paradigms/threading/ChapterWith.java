package paradigms.threading;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.WaitersExercise;

import java.util.Set;

/**
 * The chapter's paradigm with one exercise replaced by the learner's class, so that an
 * acceptance test can hold that class to the exercise's contract from {@code common}.
 */
class ChapterWith implements Paradigm {

    private final Paradigm chapter = new ThreadingParadigm();

    static ChapterWith crawl(CrawlExercise crawl) {
        return new ChapterWith() {
            @Override
            public CrawlExercise crawl() {
                return crawl;
            }
        };
    }

    static ChapterWith exhibition(ExhibitionExercise exhibition) {
        return new ChapterWith() {
            @Override
            public ExhibitionExercise exhibition() {
                return exhibition;
            }
        };
    }

    @Override
    public String name() {
        return chapter.name();
    }

    @Override
    public Set<Claim> claims() {
        return chapter.claims();
    }

    @Override
    public DownloadExercise download() {
        return chapter.download();
    }

    @Override
    public SquaresExercise squares() {
        return chapter.squares();
    }

    @Override
    public ExhibitionExercise exhibition() {
        return chapter.exhibition();
    }

    @Override
    public CrawlExercise crawl() {
        return chapter.crawl();
    }

    @Override
    public BlockingExercise blocking() {
        return chapter.blocking();
    }

    @Override
    public WaitersExercise waiters() {
        return chapter.waiters();
    }

    @Override
    public CounterExercise counter() {
        return chapter.counter();
    }

    @Override
    public DeadlineExercise deadline() {
        return chapter.deadline();
    }
}
