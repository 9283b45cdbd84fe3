package paradigms.common;

import paradigms.common.blocking.BlockingExercise;
import paradigms.common.counter.CounterExercise;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
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
 * returns, so nothing outlives a call.
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
}
