package paradigms.generators.coroutine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coroutine queue as a bounded buffer: FIFO, never more than its capacity (as its watcher
 * hears it, step by step), waiters served in the order they came with no newcomer slipping in
 * first, and a waiter cancelled after its wake-up passing its place (or item) on.
 * (The producer–consumer interleaving itself: {@code PrimitivesTest}.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class QueueTest {

    /** {@code yield from queue.put(item); log(item + " in")}. */
    static final class PutOne extends Coroutine<Void> {
        private final Queue<String> queue;
        private final String item;
        private final List<String> log;
        private boolean putting;

        PutOne(Queue<String> queue, String item, List<String> log) {
            this.queue = queue;
            this.item = item;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (!putting) {
                putting = true;
                return yieldFrom(queue.put(item));
            }
            log.add(item + " in");
            return returning(null);
        }

        @Override
        public String state() {
            return putting ? "PUTTING" : "START";
        }
    }

    /** {@code log(name + " got " + (yield from queue.get()))}. */
    static final class GetOne extends Coroutine<Void> {
        private final Queue<String> queue;
        private final String name;
        private final List<String> log;
        private boolean getting;

        GetOne(Queue<String> queue, String name, List<String> log) {
            this.queue = queue;
            this.name = name;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (!getting) {
                getting = true;
                return yieldFrom(queue.get());
            }
            log.add(name + " got " + sent);
            return returning(null);
        }

        @Override
        public String state() {
            return getting ? "GETTING" : "START";
        }
    }

    /**
     * Runs each step on a tick of its own (it passes between them), so that what a step spawns
     * runs before the next step; then waits for everything spawned.
     */
    static final class Script extends Coroutine<Void> {
        private final List<Consumer<List<Task<?>>>> steps;
        private final List<Task<?>> spawned = new ArrayList<>();
        private int next;

        Script(List<Consumer<List<Task<?>>>> steps) {
            this.steps = steps;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (next < steps.size()) {
                steps.get(next++).accept(spawned);
                return pass();
            }
            for (Task<?> task : spawned) {
                if (!task.isDone()) {
                    return completionOf(task);
                }
            }
            return returning(null);
        }

        @Override
        public String state() {
            return "STEP " + next;
        }
    }

    @Test
    void itemsLeaveInTheOrderTheyEnteredAndTheWatcherNeverSeesMoreThanTheCapacity() {
        List<String> log = new ArrayList<>();
        int[] level = new int[2]; // [now, most], as the watcher hears it
        OnNewLoop.run(s -> {
            var queue = new Queue<Integer>(s, "three places", 3, new Queue.Watcher<>() {
                @Override
                public void entered(Integer item, int size) {
                    level[0]++;
                    level[1] = Math.max(level[1], level[0]);
                    assertEquals(level[0], size, "the watcher's count and the queue's agree");
                }

                @Override
                public void left(Integer item, int size) {
                    level[0]--;
                    assertEquals(level[0], size, "the watcher's count and the queue's agree");
                }
            });
            return new Gather<>(s, "pipeline", List.of(new PrimitivesTest.Producer(queue, 10, log),
                    new PrimitivesTest.Consumer(queue, 10, log)));
        });
        assertEquals(List.of("got 0", "got 1", "got 2", "got 3", "got 4", "got 5", "got 6", "got 7", "got 8", "got 9"),
                log.stream().filter(line -> line.startsWith("got")).toList());
        assertEquals(3, level[1], "the producer filled the queue to its capacity, and no further");
        assertEquals(0, level[0]);
    }

    @Test
    void wokenPuttersEnterInTheOrderTheyCameAndANewcomerWaitsBehindThem() {
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> {
            var queue = new Queue<String>(s, "one place", 1);
            return new Script(List.of(
                    spawned -> {
                        spawned.add(s.spawn(new PutOne(queue, "x", log)));
                        spawned.add(s.spawn(new PutOne(queue, "a", log)));   // waits: full
                        spawned.add(s.spawn(new PutOne(queue, "b", log)));   // waits behind a
                    },
                    spawned -> {
                        spawned.add(s.spawn(new GetOne(queue, "g1", log)));  // takes x, and reserves its place for a
                        spawned.add(s.spawn(new PutOne(queue, "new", log))); // same tick, before a runs: waits behind b
                    },
                    spawned -> {
                        assertEquals(List.of("x in", "g1 got x"), log);
                        assertEquals(2, queue.waitingPutters(), "b and the newcomer wait in line; a is woken, x's place reserved for it");
                    },
                    spawned -> spawned.add(s.spawn(new GetOne(queue, "g2", log))),
                    spawned -> spawned.add(s.spawn(new GetOne(queue, "g3", log))),
                    spawned -> spawned.add(s.spawn(new GetOne(queue, "g4", log)))));
        });
        assertEquals(List.of("x", "a", "b", "new"), log.stream().filter(line -> line.endsWith(" in")).map(line -> line.split(" ")[0]).toList());
        assertEquals(List.of("g1 got x", "g2 got a", "g3 got b", "g4 got new"), log.stream().filter(line -> line.contains(" got ")).toList());
    }

    @Test
    void aPutterCancelledAfterItsWakeUpPassesTheReservedPlaceToTheNextPutter() {
        List<String> log = new ArrayList<>();
        int[] sizeAtEnd = {-1};
        OnNewLoop.run(s -> {
            var queue = new Queue<String>(s, "one place", 1);
            return new Script(List.of(
                    spawned -> {
                        spawned.add(s.spawn(new PutOne(queue, "x", log)));
                        spawned.add(s.spawn(new PutOne(queue, "a", log)));
                        spawned.add(s.spawn(new PutOne(queue, "b", log)));
                    },
                    spawned -> spawned.add(s.spawn(new GetOne(queue, "g1", log))), // takes x, wakes a with x's place
                    spawned -> assertTrue(spawned.get(1).cancel(), "a is woken but has not run: it can be cancelled"),
                    spawned -> spawned.add(s.spawn(new GetOne(queue, "g2", log))),
                    spawned -> sizeAtEnd[0] = queue.size()));
        });
        assertEquals(List.of("x in", "g1 got x", "b in", "g2 got b"), log, "a never entered; b got the place a was woken for");
        assertEquals(0, sizeAtEnd[0], "no place lost, none made up");
    }

    @Test
    void aGetterCancelledAfterItsWakeUpPassesTheReservedItemToTheNextGetter() {
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> {
            var queue = new Queue<String>(s, "two places", 2);
            return new Script(List.of(
                    spawned -> {
                        spawned.add(s.spawn(new GetOne(queue, "g1", log)));
                        spawned.add(s.spawn(new GetOne(queue, "g2", log)));
                    },
                    spawned -> spawned.add(s.spawn(new PutOne(queue, "item", log))), // reserves it for g1, wakes g1
                    spawned -> assertTrue(spawned.getFirst().cancel(), "g1 is woken but has not run")));
        });
        assertEquals(List.of("item in", "g2 got item"), log, "the item g1 was woken for went to g2: nothing lost");
    }

    @Test
    void aCapacityBelowOneIsRefusedWithTheFieldsName() {
        var error = assertThrows(IllegalArgumentException.class, () -> OnNewLoop.run(s -> {
            new Queue<String>(s, "none", 0);
            return new Script(List.of());
        }));
        assertTrue(error.getMessage().contains("capacity"), error.getMessage());
    }
}
