package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Function colouring ({@link Colours}): a caller of an asynchronous method either becomes
 * asynchronous itself (returns a future at once, blocks nothing) or blocks a thread.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FunctionColouringTest {

    private static final URI A = URI.create("http://example.test/a");
    private static final URI B = URI.create("http://example.test/b");

    /** Page sizes that arrive only when the test says so. */
    private final Map<URI, CompletableFuture<Integer>> sizes = Map.of(A, new CompletableFuture<>(), B, new CompletableFuture<>());
    private final Colours.PageSizes pageSizes = sizes::get;

    @Test
    void anAsyncCallerReturnsAPendingFutureAtOnceAndCompletesWhenItsCalleesDo() {
        CompletableFuture<Integer> total = Colours.totalSize(pageSizes, List.of(A, B));
        assertFalse(total.isDone(), "the caller returned before any size existed: it had to return a promise");

        sizes.get(A).complete(100);
        assertFalse(total.isDone());
        sizes.get(B).complete(23);
        assertEquals(123, total.join());
    }

    @Test
    void aSynchronousCallerOfAnAsyncMethodMustBlockItsThreadUntilTheValueExists() throws Exception {
        var result = new AtomicInteger(-1);
        Thread blue = Thread.ofPlatform().name("blue-caller").daemon(true)
                .start(() -> result.set(Colours.totalSizeBlocking(pageSizes, List.of(A, B))));

        await().atMost(TestTimeouts.LONG).until(() -> blue.getState() == Thread.State.WAITING);
        assertEquals(-1, result.get(), "no value yet: the thread is parked inside join()");

        sizes.get(A).complete(100);
        sizes.get(B).complete(23);
        blue.join(TestTimeouts.LONG.toMillis());
        assertFalse(blue.isAlive());
        assertEquals(123, result.get());
    }
}
