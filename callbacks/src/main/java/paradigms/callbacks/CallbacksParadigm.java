package paradigms.callbacks;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingQueries;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.Crawler;
import paradigms.common.deadline.DeadlineDownloader;
import paradigms.common.download.Downloader;
import paradigms.common.exhibition.Exhibition;
import paradigms.common.squares.SquaresCalculator;
import paradigms.common.waiters.Waiters;

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
    public Downloader downloader() {
        return new CallbackDownloader();
    }

    @Override
    public SquaresCalculator squares() {
        return new LoopSquares();
    }

    @Override
    public Exhibition exhibition() {
        return new LoopExhibition();
    }

    @Override
    public Crawler crawler() {
        return new CallbackCrawler();
    }

    @Override
    public BlockingQueries blocking() {
        return new OffloadedBlocking();
    }

    @Override
    public Waiters waiters() {
        return new LoopWaiters();
    }

    @Override
    public CounterExercise counter() {
        return new LoopCounter();
    }

    @Override
    public DeadlineDownloader deadline() {
        return new LoopDeadline();
    }
}
