package paradigms.multiprocessing;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.multiprocessing.pool.WorkerReserve;
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
 * Chapter 2: every exercise on a pool of child JVMs. The operating system suspends and
 * resumes the workers, as it does threads — but each worker is a process with its own
 * address space, its own heap and its own JIT, and the only way in or out is a pipe.
 *
 * <p>Claims: {@link Claim#WAITS_CONCURRENTLY}, up to the pool's size (a worker waits for one
 * thing at a time; {@code waiters} stops at {@value Waiters#MAX_TASKS} workers), and {@link Claim#USES_SEVERAL_CORES} — separate processes run on
 * separate cores, which is the whole reason Python has {@code multiprocessing}.
 *
 * <p>Every call starts its own pool and closes it before returning, so the start-up of the
 * workers is part of every call: this chapter's honest cost, when nothing keeps workers. A
 * program that calls often keeps them: {@link #startResources()} starts a {@link WorkerReserve}
 * once, and every call made while it is open borrows ready workers from it and gives them back.
 */
public final class MultiprocessingParadigm implements Paradigm {

    @Override
    public String name() {
        return "multiprocessing";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES);
    }

    /**
     * Starts the workers the exercises use at most at once — one computing worker per core
     * (squares) and {@value Download#MAX_WAITING_WORKERS} waiting ones (the most any
     * waiting exercise starts) — and keeps them until the handle is closed.
     */
    @Override
    public Started startResources() {
        return WorkerReserve.open(Workers.command(), Runtime.getRuntime().availableProcessors(), Download.MAX_WAITING_WORKERS);
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
