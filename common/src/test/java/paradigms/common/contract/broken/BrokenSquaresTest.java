package paradigms.common.contract.broken;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.contract.SquaresContract;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link SquaresContract} against squares that claim several cores and take turns on one.
 * Both show overlapping spans on two lanes, which was all the contract asked; the CPU clock
 * gives them away: one core's worth of CPU time per second of wall time, never more.
 */
class BrokenSquaresTest {

    /** Two threads, but one lock around every sum: each waits while the other computes. The spans start before the lock. */
    static final SquaresExercise TWO_THREADS_ONE_LOCK = (request, trace) -> {
        var oneAtATime = new ReentrantLock();
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            List<Future<SquareSum>> sums = new ArrayList<>();
            for (int n : request.ns()) {
                sums.add(two.submit(() -> {
                    try (var span = trace.begin("n=" + n)) {
                        oneAtATime.lock();
                        try {
                            return new SquareSum(n, SumOfSquares.below(n));
                        } finally {
                            oneAtATime.unlock();
                        }
                    }
                }));
            }
            return results(sums);
        }
    };

    /** One thread does every sum and writes spans for two made-up workers, each as long as the whole run. */
    static final SquaresExercise ONE_THREAD_FORGED_SPANS = (request, trace) -> {
        long start = Trace.nowMicros();
        List<SquareSum> sums = request.ns().stream().map(n -> new SquareSum(n, SumOfSquares.below(n))).toList();
        long end = Math.max(start + 1, Trace.nowMicros());
        trace.record(new Span("first half", Trace.thisProcess(), "worker-1", start, end));
        trace.record(new Span("second half", Trace.thisProcess(), "worker-2", start, end));
        return sums;
    };

    private static List<SquareSum> results(List<Future<SquareSum>> sums) throws InterruptedException {
        List<SquareSum> results = new ArrayList<>(sums.size());
        for (Future<SquareSum> sum : sums) {
            try {
                results.add(sum.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    private static SquaresContract claimingSeveralCores(SquaresExercise squares) {
        return new SquaresContract() {
            @Override
            public Paradigm paradigm() {
                return Impostor.squares(Set.of(Claim.USES_SEVERAL_CORES), squares);
            }
        };
    }

    @BeforeEach
    void onlyWhereTwoCoresCouldBeUsed() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: the contract skips the check it would fail");
    }

    @Test
    void twoThreadsSharingOneLockShowOverlappingSpansButFailTheCpuCheck() throws Exception {
        SquaresContract contract = claimingSeveralCores(TWO_THREADS_ONE_LOCK);
        contract.runsWorkOnSeveralCoresAtOnceWhenItClaimsTo(); // the old check: fooled
        assertFailsUnlessTheMachineIsTooBusy(contract::keepsSeveralCoresBusyAtOnceWhenItClaimsTo);
    }

    @Test
    void oneThreadForgingSpansOfTwoWorkersFailsTheCpuCheck() throws Exception {
        SquaresContract contract = claimingSeveralCores(ONE_THREAD_FORGED_SPANS);
        contract.runsWorkOnSeveralCoresAtOnceWhenItClaimsTo(); // the old check: fooled
        assertFailsUnlessTheMachineIsTooBusy(contract::keepsSeveralCoresBusyAtOnceWhenItClaimsTo);
    }

    /** The check must fail; where it skips (a machine too busy to show two cores at once), this test skips too, with its reason. */
    private static void assertFailsUnlessTheMachineIsTooBusy(Executable check) {
        try {
            check.execute();
        } catch (AssertionFailedError expected) {
            return;
        } catch (TestAbortedException tooBusy) {
            throw tooBusy;
        } catch (Throwable other) {
            throw new AssertionError("the check failed in another way than an assertion", other);
        }
        fail("the contract passed squares that take turns on one core");
    }
}
