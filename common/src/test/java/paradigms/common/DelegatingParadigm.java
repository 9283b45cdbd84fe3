package paradigms.common;

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

import java.util.Objects;
import java.util.Set;

/**
 * A paradigm for tests that forwards every method to another one: a test's variant of a
 * paradigm (one exercise swapped for a broken one, a different name, another database client)
 * extends it and overrides only what it changes.
 *
 * <p>Why it exists: adding an exercise adds a method to {@link Paradigm}, and every test-side
 * wrapper written out in full would have to learn it. Extending this class, a wrapper gets the
 * new method forwarded; only this class learns it. A stand-in that must run every exercise
 * forwards to the sequential baseline: correct everywhere, concurrent nowhere.
 */
public abstract class DelegatingParadigm implements Paradigm {

    private final Paradigm delegate;

    /** Forwards to {@code delegate}. */
    protected DelegatingParadigm(Paradigm delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The paradigm every method not overridden forwards to. */
    protected final Paradigm delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<Claim> claims() {
        return delegate.claims();
    }

    @Override
    public DownloadExercise download() {
        return delegate.download();
    }

    @Override
    public SquaresExercise squares() {
        return delegate.squares();
    }

    @Override
    public ExhibitionExercise exhibition() {
        return delegate.exhibition();
    }

    @Override
    public CrawlExercise crawl() {
        return delegate.crawl();
    }

    @Override
    public BlockingExercise blocking() {
        return delegate.blocking();
    }

    @Override
    public WaitersExercise waiters() {
        return delegate.waiters();
    }

    @Override
    public CounterExercise counter() {
        return delegate.counter();
    }

    @Override
    public DeadlineExercise deadline() {
        return delegate.deadline();
    }

    @Override
    public PipelineExercise pipeline() {
        return delegate.pipeline();
    }

    @Override
    public ResumeExercise resume() {
        return delegate.resume();
    }

    @Override
    public Started startResources() {
        return delegate.startResources();
    }
}
