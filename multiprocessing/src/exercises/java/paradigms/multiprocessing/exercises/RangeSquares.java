package paradigms.multiprocessing.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.WorkerMain;

import java.util.List;

/**
 * Exercise {@code range-squares} (multiprocessing/README.md, "Exercises for you", 1):
 * {@code squares} split by ranges of i instead of by n's, so that one large n also spreads over
 * every worker ({@code SumOfSquares.range(from, to)}: sums of ranges add up).
 *
 * <p>Both halves in this file, as in the chapter: the parent's ({@link #compute}: every n cut
 * into {@link #ranges} of {@code workers} parts, one job per part, the parts added back in
 * input order) and the worker's ({@link #main}: a worker that serves the task kind
 * {@value #KIND}, {@code task ID range-squares FROM TO} → {@code done ID … SUM}). Start the pool
 * with {@code WorkerCommand.of(RangeSquares.class.getName())}.
 */
public final class RangeSquares implements SquaresExercise {

    /** The task kind on the wire. */
    public static final String KIND = "range-squares";

    private static final String WHERE = " — see multiprocessing/README.md, Exercises for you, 1";

    /** A half-open range {@code [from, to)} of i, {@code 0 <= from < to}. */
    public record Range(int from, int to) {
        public Range {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("a range needs 0 <= from < to, was [" + from + ", " + to + ")");
            }
        }
    }

    private final int workers;

    /** One worker per core. */
    public RangeSquares() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public RangeSquares(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    /**
     * Splits {@code [0, n)} into at most {@code parts} contiguous ranges, in order, whose sizes
     * differ by at most one (the first {@code n % parts} are the longer ones); no empty range.
     *
     * @throws IllegalArgumentException if n is negative or parts is not positive, naming which
     */
    public static List<Range> ranges(int n, int parts) {
        throw new NotDoneYet("exercise range-squares is not done yet: implement RangeSquares.ranges(n, parts)" + WHERE);
    }

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        throw new NotDoneYet("exercise range-squares is not done yet: implement RangeSquares.compute — a pool of "
                + workers + " workers of RangeSquares.main, one job per range, the parts added per n" + WHERE);
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve((kind, arguments, resources) -> {
            throw new NotDoneYet("exercise range-squares is not done yet: make RangeSquares.main's handler "
                    + "answer \"" + KIND + " FROM TO\" with SumOfSquares.range(FROM, TO)" + WHERE);
        }));
    }
}
