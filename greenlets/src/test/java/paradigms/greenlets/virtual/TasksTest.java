package paradigms.greenlets.virtual;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining tasks the straight-line way: their own exceptions, and no leftover work. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class TasksTest {

    @Test
    void aTasksOwnExceptionIsRethrownUnwrapped() throws Exception {
        var failure = new IOException("disk on fire");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> task = threads.submit(() -> {
                throw failure;
            });
            assertSame(failure, assertThrows(IOException.class, () -> Tasks.join(task, IOException.class)));
        }
    }

    @Test
    void whenOneTaskFailsTheOthersStillRunningAreInterrupted() throws Exception {
        var failure = new IllegalStateException("boom");
        var blocking = new CountDownLatch(1);
        var interrupted = new AtomicBoolean();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (threads) {
            Future<String> failing = threads.submit(() -> {
                blocking.await(); // fail only once the other is blocked
                throw failure;
            });
            Future<String> slow = threads.submit(() -> {
                blocking.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(10)); // ended by the interrupt, long before the test's timeout
                    return "never";
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
            });
            assertSame(failure, assertThrows(IllegalStateException.class, () -> Tasks.joinAll(threads, List.of(failing, slow))));
        }
        assertTrue(interrupted.get(), "the slow task was interrupted");
        assertTrue(threads.isTerminated());
    }
}
