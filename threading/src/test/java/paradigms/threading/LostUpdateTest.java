package paradigms.threading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lost update, made certain instead of "sometimes".
 *
 * <p>{@code value = value + 1} is two steps, a read and a write, and the kernel may switch
 * threads between them. Left to chance, two threads lose an update rarely, so a test that
 * waits for it proves nothing. Here latches <em>force</em> the bad interleaving — both threads
 * read before either writes — so the loss happens every run; and the second test shows that
 * a lock makes the same interleaving impossible: the second thread cannot even read until the
 * first has written.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class LostUpdateTest {

    /** No synchronization at all; {@code value} is read and written by both threads. */
    static final class UnguardedCounter {
        int value;
    }

    /** The same counter, every access under {@link #lock}. */
    static final class GuardedCounter {
        final ReentrantLock lock = new ReentrantLock();
        int value; // guarded by lock
    }

    @Test
    void twoUnsynchronizedIncrementsThatBothReadBeforeEitherWritesLoseOne() throws Exception {
        var counter = new UnguardedCounter();
        var bothHaveRead = new CountDownLatch(2);
        Callable<Void> increment = () -> {
            int read = counter.value;     // step 1: read (both threads see 0)
            bothHaveRead.countDown();
            bothHaveRead.await();         // the forced interleaving: the other thread has read too
            counter.value = read + 1;     // step 2: write 0 + 1, overwriting the other's 0 + 1
            return null;
        };
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<Void> first = two.submit(increment);
            Future<Void> second = two.submit(increment);
            first.get();   // a failure on a worker is rethrown here
            second.get();  // get() is also what makes the workers' writes visible to this thread
        }
        assertEquals(1, counter.value, "two increments ran, one was lost");
    }

    @Test
    void underALockTheSecondIncrementCannotReadUntilTheFirstHasWritten() throws Exception {
        var counter = new GuardedCounter();
        var firstHasRead = new CountDownLatch(1);
        var firstMayWrite = new CountDownLatch(1);
        Callable<Void> first = () -> {
            counter.lock.lock();
            try {
                int read = counter.value;
                firstHasRead.countDown();
                firstMayWrite.await();    // hold the lock between the read and the write, as long as the test likes
                counter.value = read + 1;
            } finally {
                counter.lock.unlock();
            }
            return null;
        };
        Callable<Void> second = () -> {
            counter.lock.lock();          // parks here until the first thread unlocks
            try {
                counter.value = counter.value + 1;
            } finally {
                counter.lock.unlock();
            }
            return null;
        };
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<Void> firstDone = two.submit(first);
            firstHasRead.await();
            Future<Void> secondDone = two.submit(second);
            // The same moment as in the test above — the first thread has read, not written —
            // but now the second thread is queued on the lock instead of reading.
            await().until(counter.lock::hasQueuedThreads);
            firstMayWrite.countDown();
            firstDone.get();
            secondDone.get();
        }
        assertEquals(2, counter.value, "both increments counted");
    }

    @Test
    void manyThreadsIncrementingUnderALockLoseNothing() throws Exception {
        int threads = 4;
        int incrementsEach = 100_000;
        var counter = new GuardedCounter();
        Runnable increments = () -> {
            for (int i = 0; i < incrementsEach; i++) {
                counter.lock.lock();
                try {
                    counter.value++;
                } finally {
                    counter.lock.unlock();
                }
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            var done = new java.util.ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(increments));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        assertEquals(threads * incrementsEach, counter.value);
    }
}
