package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code squares}: the course's CPU work, n = 5,000,000 … 5,000,019, exact sums. */
record SquaresWorkload(Repeats repeats) implements Workload {

    /**
     * This exercise's case in {@code mode}. Quick mode warms up six times: multiprocessing's
     * workers each have a JIT of their own to warm, and each sees only its share of the sums;
     * with two, the kept workers still ran half-compiled code.
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new SquaresWorkload(new Repeats(6, 5, Duration.ofSeconds(2), Duration.ofSeconds(60))));
            case FULL -> List.of(new SquaresWorkload(new Repeats(10, 10, Duration.ofSeconds(10), Duration.ofSeconds(120))));
        };
    }

    @Override
    public String id() {
        return "squares";
    }

    @Override
    public Exercise exercise() {
        return Exercise.SQUARES;
    }

    @Override
    public String description() {
        return "sum of i*i for i < n, n = 5,000,000 … 5,000,019";
    }

    @Override
    public boolean traced() {
        return true;
    }

    /** Depends on the baseline: its time divided by the cores (see {@code Summaries}). */
    @Override
    public Optional<Duration> ideal() {
        return Optional.empty();
    }

    @Override
    public Prepared<List<SquareSum>> prepare(Paradigm paradigm, Fixtures fixtures) {
        var request = SquaresRequest.realPythonExample();
        var calculator = paradigm.squares();
        return new Prepared<>() {
            @Override
            public List<SquareSum> run(Trace trace) throws InterruptedException {
                return calculator.compute(request, trace);
            }

            @Override
            public Outcome check(List<SquareSum> sums) {
                return Outcome.of(0, problem(request.ns(), sums));
            }
        };
    }

    private static String problem(List<Integer> ns, List<SquareSum> sums) {
        if (sums == null || sums.size() != ns.size()) {
            return (sums == null ? "no" : sums.size()) + " sums for " + ns.size() + " n's";
        }
        for (int i = 0; i < ns.size(); i++) {
            int n = ns.get(i);
            SquareSum sum = sums.get(i);
            if (sum.n() != n || !SumOfSquares.closedForm(n).equals(sum.sum())) {
                return "sum " + i + " is " + sum + ", expected n=" + n + " sum=" + SumOfSquares.closedForm(n);
            }
        }
        return null;
    }
}
