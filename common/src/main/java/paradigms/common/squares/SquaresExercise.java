package paradigms.common.squares;

import paradigms.common.trace.Trace;

import java.util.List;

/**
 * The {@code squares} exercise: CPU-bound work, one sum per n.
 *
 * <p>Contract (checked by {@code SquaresContract}): exact sums, in input order. A paradigm
 * that claims several cores must show, in its trace, two spans running at the same moment on
 * different threads or processes, and use more CPU time than wall time over some stretch of its run
 * (counted over its own process and the processes it starts). Use {@link SumOfSquares} for the arithmetic: the lesson
 * is how the work is scheduled, not how it is added up.
 */
public interface SquaresExercise {

    List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException;
}
