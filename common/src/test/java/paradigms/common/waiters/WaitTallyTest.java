package paradigms.common.waiters;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tally every paradigm counts its waiting tasks with, and the probe {@code compare} weighs them by. */
class WaitTallyTest {

    @Test
    void countsTheMostWaitingAtOnceAndTheEarlyOnes() throws InterruptedException {
        var tally = new WaitTally(Duration.ofMillis(20));
        long first = tally.begin();
        long second = tally.begin();
        tally.end(first); // at once: early
        Thread.sleep(25); // not waiting for an event: the lesson is elapsed time — past its 20 ms wait, so not early
        tally.end(second);
        assertEquals(new WaitersResult(2, 1, 2), tally.result());
    }

    @Test
    void theProbeRunsOnceAtTheFirstEndWhileAllWaitAndNotAfterItIsCleared() {
        var tally = new WaitTally(Duration.ofMillis(1));
        var probed = new AtomicInteger();
        var waitingWhenProbed = new AtomicInteger(-1);
        WaitTally.probeWhenWaiting(3, () -> {
            probed.incrementAndGet();
            waitingWhenProbed.set(tally.result().maxWaitingAtOnce());
        });
        try {
            long first = tally.begin();
            tally.begin();
            tally.end(first);
            assertEquals(0, probed.get(), "an end while only two waited: not the moment");
            tally.begin();
            long third = tally.begin();
            assertEquals(0, probed.get(), "three wait now, but nobody has ended yet");
            tally.end(third);
            assertEquals(1, probed.get(), "the first end while all three waited");
            assertEquals(3, waitingWhenProbed.get());
            long fourth = tally.begin();
            tally.end(fourth);
            assertEquals(1, probed.get(), "three waiting again, but the probe runs once");
        } finally {
            WaitTally.clearProbe();
        }
        var another = new WaitTally(Duration.ofMillis(1));
        WaitTally.probeWhenWaiting(1, probed::incrementAndGet);
        WaitTally.clearProbe();
        another.end(another.begin());
        assertEquals(1, probed.get(), "a cleared probe never runs");
    }
}
