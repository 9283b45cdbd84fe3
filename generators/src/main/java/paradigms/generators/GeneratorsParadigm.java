package paradigms.generators;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.WaitersExercise;

import java.util.Set;

/**
 * Chapter "generators": every exercise as coroutines — hand-written state machines — driven
 * by tasks on the callbacks chapter's event loop. One thread runs them all, so it waits
 * concurrently but uses one core; blocking JDBC is offloaded to a small pool of workers.
 * Each call makes its own loop and closes it before it returns.
 */
public final class GeneratorsParadigm implements Paradigm {

    @Override
    public String name() {
        return "generators";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of(Claim.WAITS_CONCURRENTLY);
    }

    @Override
    public DownloadExercise download() {
        return new Download();
    }

    @Override
    public SquaresExercise squares() {
        return new Squares();
    }

    @Override
    public ExhibitionExercise exhibition() {
        return new Exhibition();
    }

    @Override
    public CrawlExercise crawl() {
        return new Crawl();
    }

    @Override
    public BlockingExercise blocking() {
        return new Blocking();
    }

    @Override
    public WaitersExercise waiters() {
        return new Waiters();
    }

    @Override
    public CounterExercise counter() {
        return new Counter();
    }

    @Override
    public DeadlineExercise deadline() {
        return new Deadline();
    }

    @Override
    public PipelineExercise pipeline() {
        return new Pipeline();
    }

    @Override
    public ResumeExercise resume() {
        return new Resume();
    }
}
