package paradigms.compare.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The one warm-up, repeat and median policy of compare's benchmarks.
 *
 * <p>First {@code warmups} runs whose figures are thrown away: the JIT compiles the hot code,
 * classes load, pools and connections fill. Then {@code repeats} measured runs; a figure is
 * their median, so that one run slowed by something else on the machine (a build beside it, a
 * garbage collection) moves it little. The main job's cases use the same idea with a time budget
 * on top ({@code Repeats}); a benchmark here is sized to run all its repeats.
 *
 * <p>Nanosecond figures (a lock, a handoff between threads, a coroutine step) are not measured
 * this way but by JMH ({@code paradigms.compare.jmh}): at that scale the timer's own cost, dead
 * code the JIT removes and the loop around the operation would be most of the figure.
 */
record Policy(int warmups, int repeats) {

    /**
     * {@code --quick}: two warm-ups, three measured runs. Two, because with one the HTTP clients'
     * first measured run was still visibly slower than the next ones (the JIT not done yet).
     */
    static final Policy QUICK = new Policy(2, 3);

    /** {@code --full}: three warm-ups, five measured runs. */
    static final Policy FULL = new Policy(3, 5);

    Policy {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and repeats >= 1, was " + warmups + " and " + repeats);
        }
    }

    /** Runs {@code once} {@code warmups} times unmeasured, then {@code repeats} times; returns the measured runs' values. */
    <T> List<T> run(Callable<T> once) throws Exception {
        for (int i = 0; i < warmups; i++) {
            once.call();
        }
        List<T> measured = new ArrayList<>(repeats);
        for (int i = 0; i < repeats; i++) {
            measured.add(once.call());
        }
        return measured;
    }

    /** The median of {@code values}; for an even count, the mean of the two middle ones. */
    static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the median of");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
