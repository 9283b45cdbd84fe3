package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
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
 * The callbacks chapter: every exercise on a hand-built {@link EventLoop}, one thread.
 *
 * <p>It claims {@link Claim#WAITS_CONCURRENTLY} only. The squares run on the loop thread —
 * one core — because that is what an event loop does with CPU work; {@link OffloadedSquares}
 * shows the way out (threads), but then it is no longer the loop doing the work.
 */
public final class CallbacksParadigm implements Paradigm {

    @Override
    public String name() {
        return "callbacks";
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
