package paradigms.callbacks.loop;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The callback semaphore: at most C holders, waiters served in order, never granted inside acquire(), waiters cancelled. */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class PermitsTest {

    @Test
    void atMostCHoldersAndWaitersAreServedFirstComeFirstServed() {
        List<String> started = new ArrayList<>();
        int[] holding = {0};
        int[] mostHolding = {0};
        try (var loop = new EventLoop(new VirtualClock())) {
            var permits = new Permits(loop, 2);
            for (int i = 0; i < 6; i++) {
                String name = "job" + i;
                permits.acquire(() -> {
                    started.add(name);
                    mostHolding[0] = Math.max(mostHolding[0], ++holding[0]);
                    loop.callLater(Duration.ofMillis(10), () -> {
                        holding[0]--;
                        permits.release();
                    });
                });
            }
            loop.run();
        }
        assertEquals(List.of("job0", "job1", "job2", "job3", "job4", "job5"), started);
        assertEquals(2, mostHolding[0]);
    }

    @Test
    void aGrantedCallbackRunsAfterTheCodeThatAskedForIt() {
        List<String> order = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var permits = new Permits(loop, 1);
            loop.callSoon(() -> {
                permits.acquire(() -> order.add("granted"));
                order.add("after acquire()");
            });
            loop.run();
        }
        assertEquals(List.of("after acquire()", "granted"), order);
    }

    /** Cancelling reaches the waiters only: a grant already handed to the loop runs anyway, and must check for itself. */
    @Test
    void cancelledWaitersNeverRunButAGrantAlreadyQueuedDoes() {
        List<String> started = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var permits = new Permits(loop, 1);
            for (String name : List.of("a", "b", "c")) {
                permits.acquire(() -> {
                    started.add(name);
                    permits.release();
                });
            }
            assertEquals(2, permits.cancelWaiting(), "b and c were waiting");
            loop.run();
        }
        assertEquals(List.of("a"), started, "a's grant was already in the ready queue");
    }
}
