package paradigms.generators;

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
    public Downloader downloader() {
        return Download::download;
    }

    @Override
    public SquaresCalculator squares() {
        return Squares::compute;
    }

    @Override
    public Exhibition exhibition() {
        return SimultaneousExhibition::play;
    }

    @Override
    public Crawler crawler() {
        return Crawl::crawl;
    }

    @Override
    public BlockingQueries blocking() {
        return Blocking::run;
    }

    @Override
    public Waiters waiters() {
        return new Sleepers();
    }

    @Override
    public CounterExercise counter() {
        return Counter::count;
    }

    @Override
    public DeadlineDownloader deadline() {
        return Deadline::download;
    }
}
