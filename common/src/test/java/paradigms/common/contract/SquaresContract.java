package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.measure.ProcessTreeCpu;
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
    default void sumsTheSeedInputsExactlyInInputOrder() throws Exception {
        SquaresRequest request = SquaresRequest.seed();
        List<SquareSum> sums = paradigm().squares().compute(request, Trace.off());

        assertEquals(request.ns().size(), sums.size(), "one sum per n");
        for (int i = 0; i < sums.size(); i++) {
            int n = request.ns().get(i);
            assertEquals(n, sums.get(i).n(), "sum " + i + " is for the n at the same position");
            assertEquals(SumOfSquares.closedForm(n), sums.get(i).sum(), "sum for n = " + n);
        }
        assertTrue(sums.getFirst().sum().compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0,
                "the seed's sums overflow long, so they must not be computed in one");
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
        paradigm().squares().compute(SquaresRequest.seed(), trace);
        assertTrue(trace.firstParallelPair().isPresent(),
                "no two spans overlap on different lanes; spans: " + trace.spans());
    }

    /**
     * Overlapping spans are not enough: two threads taking turns on ONE core overlap too. Work
     * that really runs on several cores at once uses more CPU time than wall time — counted over
     * this process and every process it started (a pool's workers, running or ended), see
     * {@link ProcessTreeCpu}. The sums are the inputs repeated, so that the run is long next to
     * the clock's 10 ms ticks and to a JIT's start; it is tried a few times, and one run above
     * the bound is enough, so that a busy machine taking a core away now and then does not fail it.
     * A paradigm that takes turns on one core cannot pass: its CPU time can never exceed its wall time.
     */
    @Test
    default void keepsSeveralCoresBusyAtOnceWhenItClaimsTo() throws Exception {
        assumeClaim(Claim.USES_SEVERAL_CORES);
        assumeSeveralCores();
        assumeTrue(ProcessTreeCpu.soFar().isPresent(), "this operating system does not tell the CPU time of child processes");
        var seed = SquaresRequest.seed().ns();
        var repeated = new SquaresRequest(IntStream.range(0, CPU_CHECK_REPEATS).boxed().flatMap(i -> seed.stream()).toList());
        paradigm().squares().compute(SquaresRequest.seed(), Trace.off()); // warm-up: the JIT compiles the loop before it is measured

        List<String> runs = new ArrayList<>();
        for (int attempt = 0; attempt < CPU_CHECK_ATTEMPTS; attempt++) {
            Duration cpuBefore = ProcessTreeCpu.soFar().orElseThrow();
            long wallBefore = System.nanoTime();
            paradigm().squares().compute(repeated, Trace.off());
            long wall = System.nanoTime() - wallBefore;
            Duration cpu = ProcessTreeCpu.soFar().orElseThrow().minus(cpuBefore);
            double cores = (double) cpu.toNanos() / wall;
            if (cores >= MIN_CORES_BUSY) {
                return;
            }
            runs.add(String.format(Locale.ROOT, "%d ms CPU in %d ms (%.2f cores)", cpu.toMillis(), wall / 1_000_000, cores));
        }
        fail("CPU time never reached " + MIN_CORES_BUSY + " × the wall time, so the sums did not run on several cores at once: "
                + runs + " (a busy machine can cause this too: see paradigms.test.slowness in common/README.md)");
    }

    /** The bound of {@link #keepsSeveralCoresBusyAtOnceWhenItClaimsTo}: CPU time over wall time. */
    double MIN_CORES_BUSY = 1.3;
    /** How often the seed's sums are repeated in one measured run. */
    int CPU_CHECK_REPEATS = 8;
    /** Runs tried at most: more on a machine declared slow ({@link TestTimeouts#SLOWNESS}); the bound itself never moves. */
    int CPU_CHECK_ATTEMPTS = (int) Math.ceil(4 * TestTimeouts.SLOWNESS);

    private static void assumeSeveralCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "this machine has " + cores + " core available: nothing can run on two at once");
    }

    /** The claim's other side: a paradigm that does not claim several cores does one sum at a time. */
    @Test
    default void runsOneSumAtATimeWhenItDoesNotClaimSeveralCores() throws Exception {
        assumeNoClaim(Claim.USES_SEVERAL_CORES);
        Trace trace = Trace.recording();
        paradigm().squares().compute(SquaresRequest.seed(), trace);
        assertTrue(!trace.spans().isEmpty(), "the sums are traced");
        assertEquals(java.util.Optional.empty(), trace.firstParallelPair(),
                "two sums ran at once, yet the paradigm does not claim USES_SEVERAL_CORES");
    }
}
