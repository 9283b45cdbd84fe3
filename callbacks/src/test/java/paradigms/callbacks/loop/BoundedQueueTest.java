package paradigms.callbacks.loop;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback queue: FIFO, at most B items, a waiting put admitted inside the take that frees
 * its place, waiters served in order with no overtaking, callbacks never run inside a call, and
 * nothing lost on cancel.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class BoundedQueueTest {

    @Test
    void itemsLeaveInTheOrderTheyEnteredAndTheQueueNeverHoldsMoreThanItsCapacity() {
        List<Integer> taken = new ArrayList<>();
        int[] most = {0};
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<Integer>(loop, 3, new BoundedQueue.Watcher<>() {
                @Override
                public void entered(Integer item, int size) {
                    most[0] = Math.max(most[0], size);
                }

                @Override
                public void left(Integer item, int size) {
                }
            });
            putFrom(queue, 0, 20);                    // a producer that never waits of its own accord
            takeSlowly(loop, queue, 20, taken);       // a consumer that takes one item every 10 ms
            loop.run();
        }
        assertEquals(rangeOf(20), taken);
        assertEquals(3, most[0], "the queue filled up to its capacity, and no further");
    }

    @Test
    void aWaitingPutEntersInsideTheTakeThatFreesItsPlaceAndItsCallbackRunsOnALaterTick() {
        List<String> log = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<String>(loop, 1);
            queue.put("first", () -> log.add("first put"));
            queue.put("second", () -> log.add("second put"));
            assertEquals(1, queue.size());
            assertEquals(1, queue.waitingPutters(), "the queue is full: the second put waits");
            loop.callLater(Duration.ofMillis(5), () -> {
                queue.take(item -> log.add("took " + item));
                // Inside that take, the waiting item moved into the freed place: no free place, no waiter.
                assertEquals(1, queue.size());
                assertEquals(0, queue.waitingPutters());
                log.add("after take()");
            });
            loop.run();
        }
        assertEquals(List.of("first put", "after take()", "took first", "second put"), log,
                "the take's callback and then the admitted put's, each on a later tick, in the order the queue resumed them");
    }

    @Test
    void waitingPuttersEnterInTheOrderTheyAskedAndANewcomerNeverOvertakesThem() {
        List<String> log = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<String>(loop, 1);
            queue.put("x", () -> log.add("x in"));
            queue.put("a", () -> log.add("a in"));
            queue.put("b", () -> log.add("b in"));
            loop.callLater(Duration.ofMillis(5), () -> {
                queue.take(taken::add); // frees x's place: a moves in
                queue.take(taken::add); // frees a's place: b moves in
                queue.put("c", () -> log.add("c in")); // b holds the only place: c waits its turn
                assertEquals(1, queue.waitingPutters(), "the newcomer waits: the queue is full");
                queue.take(taken::add);
                queue.take(taken::add);
            });
            loop.run();
        }
        assertEquals(List.of("x", "a", "b", "c"), taken);
        assertEquals(List.of("x in", "a in", "b in", "c in"), log);
    }

    @Test
    void aNewcomerPutWaitsBehindAnOlderPutterEvenWhenItArrivesFirstAfterTheTake() {
        List<String> taken = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<String>(loop, 1);
            queue.put("x", () -> { });
            queue.put("old", () -> { });
            loop.callLater(Duration.ofMillis(5), () -> {
                queue.take(taken::add);             // "old" takes x's place here, not on a later tick...
                queue.put("new", () -> { });        // ...so the newcomer finds the queue full
                assertEquals(1, queue.size());
                assertEquals(1, queue.waitingPutters(), "the newcomer waits; a place left free until a later tick would have let it in first");
                queue.take(taken::add);
                queue.take(taken::add);
            });
            loop.run();
        }
        assertEquals(List.of("x", "old", "new"), taken);
    }

    @Test
    void waitingTakersAreServedInTheOrderTheyAskedEachInsideThePutThatBringsItsItem() {
        List<String> log = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<Integer>(loop, 2);
            queue.take(item -> log.add("t1 got " + item));
            queue.take(item -> log.add("t2 got " + item));
            assertEquals(2, queue.waitingTakers());
            loop.callLater(Duration.ofMillis(5), () -> {
                queue.put(1, () -> log.add("1 put"));
                assertEquals(0, queue.size(), "the item went straight to the oldest taker");
                queue.put(2, () -> log.add("2 put"));
                queue.put(3, () -> log.add("3 put"));
                assertEquals(1, queue.size(), "no taker left: 3 stays in the queue");
            });
            loop.run();
        }
        assertEquals(List.of("1 put", "t1 got 1", "2 put", "t2 got 2", "3 put"), log);
    }

    @Test
    void callbacksNeverRunInsideTheCallThatRegisteredThem() {
        List<String> order = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<String>(loop, 1);
            loop.callSoon(() -> {
                queue.put("item", () -> order.add("put callback"));
                order.add("after put()");
                queue.take(item -> order.add("take callback"));
                order.add("after take()");
            });
            loop.run();
        }
        assertEquals(List.of("after put()", "after take()", "put callback", "take callback"), order);
    }

    @Test
    void cancellingHandsTheWaitingPuttersItemsBackInOrderAndLeavesTheQueuedItemsWhereTheyAre() {
        List<String> ran = new ArrayList<>();
        try (var loop = new EventLoop(new VirtualClock())) {
            var queue = new BoundedQueue<String>(loop, 2);
            queue.put("a", () -> ran.add("a"));
            queue.put("b", () -> ran.add("b"));
            queue.put("c", () -> ran.add("c"));
            queue.put("d", () -> ran.add("d"));
            assertEquals(List.of("c", "d"), queue.cancelWaiting(), "the items that never entered are the caller's again");
            assertEquals(0, queue.waitingPutters());
            loop.run();
            assertEquals(List.of("a", "b"), ran, "the forgotten putters' callbacks never ran");
            List<String> taken = new ArrayList<>();
            queue.take(taken::add);
            queue.take(taken::add);
            queue.take(taken::add); // waits: nothing more will come
            assertEquals(List.of(), queue.cancelWaiting(), "a waiting taker has no item to hand back");
            assertEquals(0, queue.waitingTakers());
            loop.run();
            assertEquals(List.of("a", "b"), taken, "the queued items stayed and left in order");
        }
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheFieldsName() {
        try (var loop = new EventLoop(new VirtualClock())) {
            var error = assertThrows(IllegalArgumentException.class, () -> new BoundedQueue<String>(loop, 0));
            assertTrue(error.getMessage().contains("capacity"), error.getMessage());
        }
    }

    private static void putFrom(BoundedQueue<Integer> queue, int next, int end) {
        if (next < end) {
            queue.put(next, () -> putFrom(queue, next + 1, end));
        }
    }

    private static void takeSlowly(EventLoop loop, BoundedQueue<Integer> queue, int remaining, List<Integer> taken) {
        if (remaining > 0) {
            loop.callLater(Duration.ofMillis(10), () -> queue.take(item -> {
                taken.add(item);
                takeSlowly(loop, queue, remaining - 1, taken);
            }));
        }
    }

    private static List<Integer> rangeOf(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
