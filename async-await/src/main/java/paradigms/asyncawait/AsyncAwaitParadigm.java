package paradigms.asyncawait;

import paradigms.asyncawait.futures.Futures;
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
 * Chapter "async-await": every exercise as {@code CompletableFuture} chains — the library
 * keeps the callbacks, {@code thenCompose} is {@code await}, {@code allOf} is {@code gather}.
 *
 * <p>Claims, each shown by a contract test rather than a stopwatch:
 * <ul>
 *   <li>{@link Claim#WAITS_CONCURRENTLY}: a waiting request is a pending future, so C of them
 *       are in flight at once with no thread waiting for any ({@code download}, {@code crawl});
 *       the exhibition's opponents think on timers; the heartbeat keeps ticking while JDBC
 *       blocks on other threads; a waiting task of {@code waiters} is a pending future and a
 *       timer, so N of them wait at once on one timer thread;</li>
 *   <li>{@link Claim#USES_SEVERAL_CORES}: only because {@code squares} hands its futures to an
 *       executor with a thread per core. Futures give no parallelism of their own.</li>
 * </ul>
 *
 * <p>{@link #blocking()} is the offloaded JDBC version; {@link VertxPgQueries}, the genuinely
 * asynchronous client, is shown beside it by its own test and the chapter's README.
 */
public final class AsyncAwaitParadigm implements Paradigm {

    @Override
    public String name() {
        return "async-await";
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

    @Override
    public ResumeExercise resume() {
        return new Resume();
    }
}
