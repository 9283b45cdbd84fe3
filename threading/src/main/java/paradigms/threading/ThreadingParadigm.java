package paradigms.threading;

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

import java.util.EnumSet;
import java.util.Set;

/**
 * Chapter 1: platform threads. Every exercise is the sequential baseline's straight-line,
 * blocking code, run on several operating-system threads at once. A thread that waits — for
 * an HTTP answer, a query, a lock, a sleep — is suspended by the kernel and resumed when
 * what it waits for arrives; the kernel also pre-empts running threads to share the cores.
 * Nothing in the code says where a switch may happen: it may happen anywhere.
 *
 * <p>Each exercise call makes its own {@code ExecutorService} in a try-with-resources
 * block, so its threads are gone when the call returns.
 */
public final class ThreadingParadigm implements Paradigm {

    @Override
    public String name() {
        return "threading";
    }

    /**
     * Both claims: a thread blocked on I/O costs no core, so C threads wait for C answers at
     * once; and the JVM has no global interpreter lock, so threads run on every core.
     */
    @Override
    public Set<Claim> claims() {
        return EnumSet.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES);
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

    /** One platform thread per waiting task, up to 10,000 (see {@link Waiters} for why). */
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

    /** One platform thread per sleeper and per busy task; the kernel's run queue is the ready queue (see {@link Resume}). */
    @Override
    public ResumeExercise resume() {
        return new Resume();
    }
}
