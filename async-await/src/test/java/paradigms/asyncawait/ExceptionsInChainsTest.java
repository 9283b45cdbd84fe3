package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Exceptions in chains: a stage that throws completes its future exceptionally, every stage
 * after it is skipped until one that looks at failures ({@code exceptionally}, {@code handle},
 * {@code whenComplete}) — the try/catch of futures — and {@code join()} rethrows the original
 * wrapped in a {@link CompletionException} ({@code get()}: in an {@link ExecutionException}).
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ExceptionsInChainsTest {

    private static final IllegalStateException BOOM = new IllegalStateException("deep in the chain");

    private static int explode(int value) {
        throw BOOM;
    }

    @Test
    void anExceptionDeepInAChainSkipsTheLaterStagesAndSurfacesFromJoinWithItsCause() {
        var laterStagesRun = new AtomicInteger();
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(1)
                .thenApply(x -> x + 1)
                .thenApply(ExceptionsInChainsTest::explode)
                .thenApply(x -> laterStagesRun.incrementAndGet())
                .thenApply(x -> laterStagesRun.incrementAndGet());

        CompletionException thrown = assertThrows(CompletionException.class, chain::join);
        assertSame(BOOM, thrown.getCause(), "the original exception, unchanged, as the cause");
        assertEquals(0, laterStagesRun.get(), "the stages after the failure never ran");
    }

    @Test
    void getWrapsTheSameCauseInAnExecutionException() {
        CompletableFuture<Integer> chain = CompletableFuture.supplyAsync(() -> 1).thenApply(ExceptionsInChainsTest::explode);
        ExecutionException thrown = assertThrows(ExecutionException.class, chain::get);
        assertSame(BOOM, thrown.getCause());
    }

    @Test
    void exceptionallyIsTheCatchAfterWhichTheChainGoesOn() {
        int result = CompletableFuture.completedFuture(1)
                .thenApply(ExceptionsInChainsTest::explode)
                .exceptionally(error -> -1)   // catch: recover with a value
                .thenApply(x -> x * 10)       // the chain goes on from the recovered value
                .join();
        assertEquals(-10, result);
    }

    /**
     * The trap: what a handler receives depends on where the failure happened. A stage that
     * threw hands its dependents a CompletionException around the original; a future failed
     * with completeExceptionally hands them the original itself. Handlers must unwrap
     * (common's {@code Failure.unwrap} does).
     */
    @Test
    void handleSeesTheFailureWrappedWhenAnEarlierStageThrewAndBareWhenTheFutureWasFailedDirectly() {
        Throwable afterAThrowingStage = CompletableFuture.completedFuture(1)
                .thenApply(ExceptionsInChainsTest::explode)
                .handle((value, error) -> error)
                .join();
        assertSame(BOOM, assertInstanceOf(CompletionException.class, afterAThrowingStage).getCause());

        Throwable onAFailedFuture = CompletableFuture.<Integer>failedFuture(BOOM)
                .handle((value, error) -> error)
                .join();
        assertSame(BOOM, onAFailedFuture);
    }
}
