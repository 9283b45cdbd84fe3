package paradigms.common.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The blocking chapters' bounded buffer: first in first out, room and emptiness waited for, the level exact. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class BlockingBufferTest {

    @Test
    void itemsComeOutInTheOrderTheyWentIn() throws Exception {
        var level = new BufferLevel();
        var buffer = new BlockingBuffer<Integer>(3, level);
        buffer.put(1);
        buffer.put(2);
        buffer.put(3);
        assertEquals(1, buffer.take());
        buffer.put(4);
        assertEquals(2, buffer.take());
        assertEquals(3, buffer.take());
        assertEquals(4, buffer.take());
        assertEquals(3, level.highWater());
        assertEquals(0, level.level());
        assertEquals(4, level.insertions());
    }

    @Test
    void aPutIntoAFullBufferWaitsUntilATakeFreesAPlace() throws Exception {
        var level = new BufferLevel();
        var buffer = new BlockingBuffer<String>(1, level);
        buffer.put("first");
        var putDone = new CompletableFuture<Throwable>();
        Thread producer = Thread.ofPlatform().name("buffer-test-producer").start(() -> putDone.complete(outcomeOf(() -> buffer.put("second"))));

        await("the producer waits for room").atMost(TestTimeouts.LONG).until(() -> producer.getState() == Thread.State.WAITING);
        assertFalse(putDone.isDone(), "a put into a full buffer returned");
        assertEquals(1, level.level());

        assertEquals("first", buffer.take());
        assertEquals(null, putDone.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS), "the put went on once a place was free");
        assertEquals("second", buffer.take());
        producer.join();
        assertEquals(1, level.highWater(), "never more than B = 1: " + level);
    }

    @Test
    void aTakeFromAnEmptyBufferWaitsAndAnInterruptEndsTheWait() throws Exception {
        var buffer = new BlockingBuffer<String>(2, new BufferLevel());
        var takeDone = new CompletableFuture<Throwable>();
        Thread consumer = Thread.ofPlatform().name("buffer-test-consumer").start(() -> takeDone.complete(outcomeOf(buffer::take)));

        await("the consumer waits for an item").atMost(TestTimeouts.LONG).until(() -> consumer.getState() == Thread.State.WAITING);
        consumer.interrupt();
        assertInstanceOf(InterruptedException.class, takeDone.get(TestTimeouts.LONG.toMillis(), TimeUnit.MILLISECONDS));
        consumer.join();
        assertEquals(0, buffer.size());
    }

    @Test
    void rejectsAZeroCapacityNamingIt() {
        var error = assertThrows(IllegalArgumentException.class, () -> new BlockingBuffer<String>(0, new BufferLevel()));
        assertEquals("capacity must be positive, was 0", error.getMessage());
    }

    /** What a blocking step threw, or null: so that the test thread, not the helper, asserts on it. */
    private static Throwable outcomeOf(Step step) {
        try {
            step.run();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private interface Step {
        void run() throws Exception;
    }
}
