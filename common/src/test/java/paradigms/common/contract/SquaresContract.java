package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.Claim;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code squares} exercise's contract: exact sums in input order, checked against the
 * closed form; and, for a paradigm that claims several cores, proof from its trace that two
 * pieces of work ran at the same moment on different threads or processes — for one that does
 * not, that no two ever did.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface SquaresContract extends ParadigmContract {

    @Test
    default void sumsRealPythonsInputsExactlyInInputOrder() throws Exception {
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
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "this machine has a single core");
        Trace trace = Trace.recording();
        paradigm().squares().compute(SquaresRequest.realPythonExample(), trace);
        assertTrue(trace.firstParallelPair().isPresent(),
                "no two spans overlap on different lanes; spans: " + trace.spans());
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
