package paradigms.threading;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;

import java.util.List;

/**
 * Exercise {@code sliced-global-lock} (threading/README.md, Exercises for you, 2): the chapter's
 * squares with the global lock taken around every {@value #SLICE} squares, one trace span per
 * slice, opened inside the lock.
 */
final class SlicedGlobalLockSquares implements SquaresExercise {

    /** Squares computed per turn with the lock. */
    static final int SLICE = 100_000;

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise sliced-global-lock is not done yet: implement SlicedGlobalLockSquares.compute"
                + " (start from Squares.underGlobalLock) — see threading/README.md, Exercises for you, 2");
    }
}
