package paradigms.common.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Leftovers} sees a platform thread started after the snapshot, and no longer once it has ended. */
@Timeout(30)
class LeftoversTest {

    @Test
    void aThreadStartedSinceTheSnapshotIsLeftUntilItEnds() throws InterruptedException {
        Leftovers before = Leftovers.now();
        var release = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().name("leftovers-test-worker").start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertEquals(List.of("thread leftovers-test-worker#" + worker.threadId()), Leftovers.now().newSince(before));
        } finally {
            release.countDown();
            worker.join();
        }
        assertEquals(List.of(), Leftovers.awaitGone(before, Duration.ZERO), "nothing left once the thread has ended");
    }
}
