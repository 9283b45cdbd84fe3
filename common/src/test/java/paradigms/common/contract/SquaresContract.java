package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code squares} exercise's contract: exact sums in input order, checked against the
 * closed form; and, for a paradigm that claims several cores, proof from its trace that two
 * pieces of work ran at the same moment on different threads or processes, and from the CPU
 * clock that they kept more than one core busy — for one that does not, that no two ever ran at once.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface SquaresContract extends ParadigmContract {

    @Test
    default void sumsTheExercisesInputsExactlyInInputOrder() throws Exception {
        SquaresRequest request = SquaresRequest.realPythonExample();
        List<SquareSum> sums = paradigm().squares().compute(request, Trace.off());

        assertEquals(request.ns().size(), sums.size(), "one sum per n");
        for (int i = 0; i < sums.size(); i++) {
            int n = request.ns().get(i);
            assertEquals(n, sums.get(i).n(), "sum " + i + " is for the n at the same position");
            assertEquals(SumOfSquares.closedForm(n), sums.get(i).sum(), "sum for n = " + n);
        }
        assertTrue(sums.getFirst().sum().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0,
                "Real Python's sums overflow long, so they must not be computed in one");
    }

    @Test
    default void sumsTheSmallestInputsExactly() throws Exception {
        var request = new SquaresRequest(List.of(2, 0, 1, 3, 2));
        List<SquareSum> sums = paradigm().squares().compute(request, Trace.off());
        assertEquals(List.of(
                new SquareSum(2, BigInteger.ONE),
                new SquareSum(0, BigInteger.ZERO),
                new SquareSum(1, BigInteger.ZERO),
                new SquareSum(3, BigInteger.valueOf(5)),
                new SquareSum(2, BigInteger.ONE)), sums);
    }

    @Test
    default void runsWorkOnSeveralCoresAtOnceWhenItClaimsTo() throws Exception {
        assumeClaim(Claim.USES_SEVERAL_CORES);
        assumeSeveralCores();
        Trace trace = Trace.recording();
        paradigm().squares().compute(SquaresRequest.realPythonExample(), trace);
        assertTrue(trace.firstParallelPair().isPresent(),
                "no two spans overlap on different lanes; spans: " + trace.spans());
    }

    /**
     * Overlapping spans are not enough: two threads taking turns on ONE core overlap too. Work
     * that really runs on several cores at once uses more CPU time than wall time passes — over
     * this process's threads and every process it started, a pool's workers included
     * ({@link CoresInUse}). The check takes the best stretch of a run, not its average: on a
     * machine shared with other builds, a parallel program has both cores only now and then, and
     * a program that takes turns on one core has no such stretch at all. The sums are the inputs
     * repeated, so that a run holds many stretches.
     *
     * <p>Whether the machine can show two cores at once at all is asked before and after each
     * run, by two busy threads of the test itself: a run between two answers of "yes" decides;
     * one that passes is enough. When the machine never had two cores to give, the check is
     * skipped with that reason, as on a single-core machine — it cannot fail a program for the
     * machine's load, and cannot pass one that takes turns.
     */
    @Test
    default void keepsSeveralCoresBusyAtOnceWhenItClaimsTo() throws Exception {
        assumeClaim(Claim.USES_SEVERAL_CORES);
        assumeSeveralCores();
        var inputs = SquaresRequest.realPythonExample().ns();
        var repeated = new SquaresRequest(IntStream.range(0, CPU_CHECK_REPEATS).boxed().flatMap(i -> inputs.stream()).toList());
        paradigm().squares().compute(SquaresRequest.realPythonExample(), Trace.off()); // warm-up: the JIT compiles the loop before it is measured

        List<String> decided = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (int attempt = 0; attempt < CPU_CHECK_ATTEMPTS; attempt++) {
            double machineBefore = CoresInUse.twoBusyThreads(MACHINE_CHECK, CPU_CHECK_STRETCH);
            CoresInUse cores;
            try (var watching = CoresInUse.watch()) {
                cores = watching;
                paradigm().squares().compute(repeated, Trace.off());
            }
            double most = cores.most(CPU_CHECK_STRETCH);
            if (most >= MIN_CORES_AT_ONCE) {
                return;
            }
            double machineAfter = CoresInUse.twoBusyThreads(MACHINE_CHECK, CPU_CHECK_STRETCH);
            String run = String.format(Locale.ROOT, "%.2f (two busy threads: %.2f before, %.2f after)", most, machineBefore, machineAfter);
            (Math.min(machineBefore, machineAfter) >= MACHINE_SHOWS_TWO_CORES ? decided : undecided).add(run);
        }
        assumeTrue(!decided.isEmpty(), () -> "the machine was too busy to show two cores at once, even to two busy threads: " + undecided);
        fail("no stretch of " + CPU_CHECK_STRETCH.toMillis() + " ms used " + MIN_CORES_AT_ONCE
                + " × its wall time in CPU time, so the sums did not run on several cores at once; cores at best, per run: "
                + decided + (undecided.isEmpty() ? "" : ", and on a machine too busy to tell: " + undecided));
    }

    /** The bound of {@link #keepsSeveralCoresBusyAtOnceWhenItClaimsTo}: CPU time over wall time, in the best stretch. */
    double MIN_CORES_AT_ONCE = 1.3;
    /** Two busy threads must show this much for a run to decide: near two, where one core's worth is one. */
    double MACHINE_SHOWS_TWO_CORES = 1.6;
    /** How long the two busy threads run to ask the machine. */
    Duration MACHINE_CHECK = Duration.ofMillis(200);
    /** How long a stretch is: many scheduler time slices, so that one slice's luck does not count. */
    Duration CPU_CHECK_STRETCH = Duration.ofMillis(50);
    /** How often the exercise's inputs are repeated in one measured run. */
    int CPU_CHECK_REPEATS = 8;
    /** Runs tried at most: more on a machine declared slow ({@link TestTimeouts#SLOWNESS}); the bound itself never moves. */
    int CPU_CHECK_ATTEMPTS = (int) Math.ceil(5 * TestTimeouts.SLOWNESS);

    private static void assumeSeveralCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "this machine has " + cores + " core available: nothing can run on two at once");
    }

    /** The claim's other side: a paradigm that does not claim several cores does one sum at a time. */
    @Test
    default void runsOneSumAtATimeWhenItDoesNotClaimSeveralCores() throws Exception {
        assumeNoClaim(Claim.USES_SEVERAL_CORES);
        Trace trace = Trace.recording();
        paradigm().squares().compute(SquaresRequest.realPythonExample(), trace);
        assertTrue(!trace.spans().isEmpty(), "the sums are traced");
        assertEquals(java.util.Optional.empty(), trace.firstParallelPair(),
                "two sums ran at once, yet the paradigm does not claim USES_SEVERAL_CORES");
    }
}
