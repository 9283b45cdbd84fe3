package paradigms.asyncawait;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code blocking} exercise's heartbeat on a {@code ScheduledExecutorService}
 * ({@link Blocking#startBeating}, also used by {@link StallingJdbcQueries}): a tick
 * that throws silently ends a periodic task, and stopping the heartbeat must say so.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class HeartbeatScheduleTest {

    @Test
    void stoppingAHeartbeatWhoseTickThrewThrowsWhatTheTickThrew() throws Exception {
        var broken = new IllegalStateException("tick 3 failed");
        var ticks = new AtomicInteger();
        var failing = new CountDownLatch(1);
        try (var loop = Executors.newSingleThreadScheduledExecutor()) {
            ScheduledFuture<?> beating = Blocking.startBeating(loop, () -> {
                if (ticks.incrementAndGet() == 3) {
                    failing.countDown();
                    throw broken;
                }
            }, Duration.ofMillis(1));
            failing.await();
            loop.submit(() -> { }).get(); // the one loop thread has finished the failed tick: the future holds its exception
            var thrown = assertThrows(IllegalStateException.class, () -> Blocking.stopBeating(beating));
            assertSame(broken, thrown.getCause());
        }
        assertEquals(3, ticks.get(), "no tick after the one that threw: the executor stopped repeating it, silently");
    }

    @Test
    void stoppingAHealthyHeartbeatCancelsItQuietly() throws Exception {
        var ticked = new CountDownLatch(2);
        try (var loop = Executors.newSingleThreadScheduledExecutor()) {
            ScheduledFuture<?> beating = Blocking.startBeating(loop, ticked::countDown, Duration.ofMillis(1));
            ticked.await();
            Blocking.stopBeating(beating);
            assertTrue(beating.isCancelled());
        }
    }
}
