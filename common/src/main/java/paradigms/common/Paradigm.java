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

import java.util.Set;

/**
 * One way of suspending and resuming work, with one implementation of every exercise.
 *
 * <p>Every chapter module provides exactly one {@code Paradigm} and registers it in
 * {@code META-INF/services/paradigms.common.Paradigm}, so that the main job finds all of them
 * with a {@link java.util.ServiceLoader}. Adding an exercise adds a method here: every
 * module then fails to compile until it implements the exercise — a missing cell of the
 * exercise × paradigm matrix is a visible failure, not a silence.
 *
 * <p>A {@code Paradigm} is a stateless factory. Each exercise call creates the resources it
 * needs (executors, event loops, child processes, connections) and closes them before it
 * returns, so nothing outlives a call — unless the caller has started the paradigm's
 * long-lived resources first ({@link #startResources()}), as a real program keeps a pool.
 */
public interface Paradigm {

    /** Short, stable name: the module's directory name, e.g. {@code "threading"}. */
    String name();

    /** What this paradigm claims; the contract suites check exactly these claims. */
    Set<Claim> claims();

    DownloadExercise download();

    SquaresExercise squares();

    ExhibitionExercise exhibition();

    CrawlExercise crawl();

    BlockingExercise blocking();

    WaitersExercise waiters();

    CounterExercise counter();

    DeadlineExercise deadline();

    PipelineExercise pipeline();

    ResumeExercise resume();

    /**
     * Starts what this paradigm keeps between calls in a real program — e.g. a pool of worker
     * processes — and returns the handle that stops it. While the handle is open, exercise
     * calls (from any thread) use those resources instead of starting their own, so a call
     * costs what it costs in a program that keeps them; closed, every call starts and stops
     * its own again. Results are the same either way: nothing one call leaves in a kept
     * resource may change the next call's result.
     *
     * <p>The default starts nothing: a paradigm whose per-call set-up is small (a thread, an
     * event loop) keeps it inside each call. At most one handle per paradigm is open at a time.
     *
     * @return the handle; closing it stops every resource it started and is idempotent
     */
    default Started startResources() {
        return Started.NOTHING;
    }

    /** What {@link #startResources()} started; {@link #close()} stops it and throws nothing checked. */
    interface Started extends AutoCloseable {

        /** The handle of a paradigm that keeps nothing between calls. */
        Started NOTHING = () -> { };

        /** What was started, in a few words, e.g. "2 computing and 32 waiting worker JVMs, ready". */
        default String description() {
            return "nothing to start";
        }

        @Override
        void close();
    }
}
