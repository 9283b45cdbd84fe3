package paradigms.greenlets;

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
 * The last chapter: every exercise as straight-line blocking code, each task on its own
 * virtual thread.
 *
 * <p>The code reads like the threading chapter's — {@code send} a request and wait, run a
 * query and wait, sleep — but the threads are virtual: when one waits, the JDK unmounts its
 * continuation from the carrier (an ordinary platform thread of a small
 * {@link java.util.concurrent.ForkJoinPool}) and the carrier runs another. Waiting costs a
 * few kilobytes of heap instead of an OS thread, so one thread per task is affordable
 * again, and the bounds are written down where they belong: a {@link java.util.concurrent.Semaphore}
 * for requests in flight, the connection pool for the database.
 *
 * <p>Claims: {@link Claim#WAITS_CONCURRENTLY} (thousands of waits per carrier) and
 * {@link Claim#USES_SEVERAL_CORES} (one carrier per core, so CPU work on different virtual
 * threads runs in parallel).
 */
public final class GreenletsParadigm implements Paradigm {

    @Override
    public String name() {
        return "greenlets";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES);
    }

    @Override
    public Downloader downloader() {
        return VirtualDownload::download;
    }

    @Override
    public SquaresCalculator squares() {
        return VirtualSquares::compute;
    }

    @Override
    public Exhibition exhibition() {
        return VirtualExhibition::play;
    }

    @Override
    public Crawler crawler() {
        return VirtualCrawl::crawl;
    }

    @Override
    public BlockingQueries blocking() {
        return VirtualQueries::run;
    }

    @Override
    public Waiters waiters() {
        return new VirtualWaiters();
    }

    @Override
    public CounterExercise counter() {
        return VirtualCounter.withLock()::count;
    }

    @Override
    public DeadlineDownloader deadline() {
        return VirtualDeadline::download;
    }
}
