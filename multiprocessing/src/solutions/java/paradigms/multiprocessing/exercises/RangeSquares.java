package paradigms.multiprocessing.exercises;

import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise {@code range-squares}, solved: {@code squares} split by ranges of i instead of by
 * n's, so that even ONE large n spreads over every worker. Sums of ranges add up:
 * sum(i*i, 0 ≤ i &lt; n) = Σ over the parts of sum(i*i, from ≤ i &lt; to).
 *
 * <p>On the wire, both halves in this file (the chapter's habit):
 * {@code task ID range-squares FROM TO} → {@code done ID … SUM}, the sum as decimal text.
 * The workers' {@link #main} knows this one kind.
 *
 * <p><b>Threads:</b> the caller submits every part and blocks in {@code map}; each reply is
 * decoded on the pool's thread for the worker that sent it; the parts are added on the caller's
 * thread, after {@code map} returns them in order.
 */
public final class RangeSquares implements SquaresExercise {

    /** The task kind on the wire. */
    public static final String KIND = "range-squares";

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
     * differ by at most one (the first {@code n % parts} are the longer ones). Empty ranges are
     * left out: n = 0 gives none, n &lt; parts gives n ranges of one.
     *
     * @throws IllegalArgumentException if n is negative or parts is not positive, naming which
     */
    public static List<Range> ranges(int n, int parts) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, was " + parts);
        }
        List<Range> ranges = new ArrayList<>(Math.min(n, parts));
        int base = n / parts;
        int longer = n % parts;
        int from = 0;
        for (int part = 0; part < parts && from < n; part++) {
            int size = base + (part < longer ? 1 : 0);
            ranges.add(new Range(from, from + size));
            from += size;
        }
        return ranges;
    }

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        // Every n in `workers` parts: one part per worker for every n, whatever the number of n's.
        List<RangeJob> jobs = new ArrayList<>();
        List<Integer> firstJobOf = new ArrayList<>(request.ns().size());
        for (int n : request.ns()) {
            firstJobOf.add(jobs.size());
            for (Range range : ranges(n, workers)) {
                jobs.add(new RangeJob(n, range));
            }
        }
        firstJobOf.add(jobs.size());
        List<BigInteger> parts;
        try (var pool = ProcessPool.builder().size(workers).command(WorkerCommand.of(RangeSquares.class.getName())).start()) {
            parts = pool.map(jobs, trace);
        }
        List<SquareSum> sums = new ArrayList<>(request.ns().size());
        for (int i = 0; i < request.ns().size(); i++) {
            BigInteger sum = BigInteger.ZERO; // n = 0 has no parts: its sum is zero
            for (BigInteger part : parts.subList(firstJobOf.get(i), firstJobOf.get(i + 1))) {
                sum = sum.add(part);
            }
            sums.add(new SquareSum(request.ns().get(i), sum));
        }
        return sums;
    }

    /** The parent's half: one range of one n, out as text, its sum back. */
    record RangeJob(int n, Range range) implements Job<BigInteger> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(range.from()), String.valueOf(range.to()));
        }

        @Override
        public BigInteger decode(List<String> values) throws Wire.BadFrameException {
            BigInteger sum = Values.of(values).expectSize(1, "a range-squares reply").bigInteger(0, "sum");
            if (sum.signum() < 0) {
                throw new Wire.BadFrameException("a sum of squares cannot be negative: " + sum);
            }
            return sum;
        }

        @Override
        public String label() {
            return SpanNames.sumPart(n, range.from(), range.to());
        }
    }

    /** The worker's half: the sum of one range, with common's arithmetic. */
    static final TaskHandler WORK = new Work();

    /**
     * A class, not a lambda: a worker is a fresh JVM, where the first lambdas are spun at run time
     * on the way to "ready" (the chapter's {@code Workers} measured it).
     */
    private static final class Work implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception {
            if (!kind.equals(KIND)) {
                throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            }
            Values range = Values.of(arguments).expectSize(2, "a range-squares task");
            return List.of(SumOfSquares.range(range.integer(0, "from"), range.integer(1, "to")).toString());
        }
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(WORK));
    }
}
