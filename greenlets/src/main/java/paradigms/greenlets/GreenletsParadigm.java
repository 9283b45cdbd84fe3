package paradigms.greenlets;

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

    /** One virtual thread per sleeper and per busy task; the scheduler's queue is the ready queue (see {@link Resume}). */
    @Override
    public ResumeExercise resume() {
        return new Resume();
    }
}
