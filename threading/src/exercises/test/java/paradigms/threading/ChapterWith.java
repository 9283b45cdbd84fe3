package paradigms.threading;

import paradigms.common.DelegatingParadigm;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.exhibition.ExhibitionExercise;

/**
 * The chapter's paradigm with one exercise replaced by the learner's class, so that an
 * acceptance test can hold that class to the exercise's contract from {@code common}. Every
 * other exercise is the chapter's own (forwarded by {@link DelegatingParadigm}).
 */
class ChapterWith extends DelegatingParadigm {

    private ChapterWith() {
        super(new ThreadingParadigm());
    }

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
}
