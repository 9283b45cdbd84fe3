package paradigms.generators.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.Task;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code joinable-queue} (generators/README.md, Exercises for you,
 * 4): {@link JoinableQueue#join} returns exactly when every item put has been marked done — not
 * when the queue is merely empty —, at once when nothing is unfinished, for every joiner; a put
 * cancelled while waiting counts nothing; one taskDone too many is refused. On a
 * {@link VirtualClock}: the clock says when join returned.
 */
@Tag("exercise")
@Tag("joinable-queue")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class JoinableQueueTest {

    private final VirtualClock clock = new VirtualClock();
    private final EventLoop loop = new EventLoop(clock);
    private final Scheduler scheduler = new Scheduler(loop);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeTheLoop() {
        loop.close();
    }

    @Test
    void joinReturnsWhenEveryItemPutHasBeenDoneNotWhenTheQueueIsEmpty() {
        var queue = new JoinableQueue<String>(scheduler, "urls", 10);
        var main = new Sequence(
                () -> {
                    scheduler.spawn(new Worker(queue, "w1", Duration.ofMillis(10)));
                    scheduler.spawn(new Worker(queue, "w2", Duration.ofMillis(10)));
                    return null;
                },
                () -> queue.put("a"), () -> queue.put("b"), () -> queue.put("c"),
                () -> {
                    log.add("unfinished after the puts: " + queue.unfinished());
                    return null;
                },
                queue::join,
                () -> {
                    log.add("joined at " + millis());
                    return null;
                });

        scheduler.run(main);

        assertEquals(List.of("unfinished after the puts: 3",
                        "w1 took a", "w2 took b", "w1 done a", "w1 took c", "w2 done b", "w1 done c", "joined at 20"), log,
                "the queue is empty at 10 ms, when w1 takes c; join returns only at 20 ms, when c is done");
        assertEquals(0, queue.unfinished());
    }

    @Test
    void joinWithNothingUnfinishedReturnsAtOnce() {
        var queue = new JoinableQueue<String>(scheduler, "empty", 1);
        long ticksBefore = scheduler.ticks();
        scheduler.run(new Sequence(queue::join, () -> {
            log.add("joined at " + millis() + " after " + (scheduler.ticks() - ticksBefore) + " tick(s)");
            return null;
        }));

        assertEquals(List.of("joined at 0 after 1 tick(s)"), log, "no wait, not even a loop turn");
    }

    @Test
    void everyJoinerReturnsAndACancelledOneHarmsNoOther() {
        var queue = new JoinableQueue<String>(scheduler, "shared", 5);
        List<Task<?>> joiners = new ArrayList<>();
        var main = new Sequence(
                () -> queue.put("x"),
                () -> {
                    for (String name : List.of("j1", "j2", "j3")) {
                        joiners.add(scheduler.spawn(new Sequence(queue::join, () -> {
                            log.add(name + " joined at " + millis());
                            return null;
                        })));
                    }
                    loop.callLater(Duration.ofMillis(5), () -> joiners.get(1).cancel());
                    loop.callLater(Duration.ofMillis(30), () -> {
                        log.add("x done");
                        queue.taskDone();
                    });
                    return null;
                },
                () -> new Sleeping(Duration.ofMillis(40)));

        scheduler.run(main);

        assertEquals(List.of("x done", "j1 joined at 30", "j3 joined at 30"), log);
        assertTrue(joiners.get(1).isCancelled());
    }

    @Test
    void aPutCancelledWhileWaitingForRoomCountsNothing() {
        var queue = new JoinableQueue<String>(scheduler, "one place", 1);
        List<Task<?>> blocked = new ArrayList<>();
        var main = new Sequence(
                () -> queue.put("first"),
                () -> {
                    blocked.add(scheduler.spawn(queue.put("second"))); // waits: the queue is full
                    loop.callLater(Duration.ofMillis(5), () -> blocked.getFirst().cancel());
                    return new Sleeping(Duration.ofMillis(10));
                },
                () -> {
                    log.add("unfinished after the cancel: " + queue.unfinished());
                    return queue.get();
                },
                () -> {
                    queue.taskDone();
                    return queue.join(); // would never return if the cancelled put had counted
                },
                () -> {
                    log.add("joined at " + millis());
                    return null;
                });

        scheduler.run(main);

        assertEquals(List.of("unfinished after the cancel: 1", "joined at 10"), log);
        assertTrue(blocked.getFirst().isCancelled());
    }

    @Test
    void oneTaskDoneTooManyIsRefusedNamingIt() {
        var queue = new JoinableQueue<String>(scheduler, "q", 2);
        scheduler.run(new Sequence(() -> queue.put("only"), () -> {
            queue.taskDone();
            return null;
        }));
        var thrown = assertThrows(IllegalStateException.class, queue::taskDone);
        assertTrue(thrown.getMessage().contains("taskDone"), thrown.getMessage());
        assertEquals(0, queue.unfinished());
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        new JoinableQueue<String>(scheduler, "ok", 1); // a valid call is accepted
        var zero = assertThrows(IllegalArgumentException.class, () -> new JoinableQueue<String>(scheduler, "q", 0));
        assertTrue(zero.getMessage().contains("capacity"), zero.getMessage());
        var noScheduler = assertThrows(NullPointerException.class, () -> new JoinableQueue<String>(null, "q", 1));
        assertTrue(noScheduler.getMessage() != null && noScheduler.getMessage().contains("scheduler"), noScheduler.getMessage());
    }

    // ------------------------------------------------------------------ small coroutines

    private long millis() {
        return Duration.ofNanos(clock.nanoTime()).toMillis();
    }

    /** One step of a {@link Sequence}: code to run, and what to yield from next (null: nothing). */
    @FunctionalInterface
    private interface Then {
        Coroutine<?> run();
    }

    /** Runs its steps in order, yielding from the coroutine each one returns. */
    private static final class Sequence extends Coroutine<Void> {
        private final List<Then> steps;
        private int next;

        Sequence(Then... steps) {
            this.steps = List.of(steps);
        }

        @Override
        protected Step<Void> resume(Object sent) {
            while (next < steps.size()) {
                Coroutine<?> sub = steps.get(next++).run();
                if (sub != null) {
                    return yieldFrom(sub);
                }
            }
            return returning(null);
        }

        @Override
        public String state() {
            return "STEP " + next;
        }
    }

    private static final class Sleeping extends Coroutine<Void> {
        private final Duration duration;
        private boolean slept;

        Sleeping(Duration duration) {
            this.duration = duration;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (slept) {
                return returning(null);
            }
            slept = true;
            return sleep(duration);
        }

        @Override
        public String state() {
            return slept ? "SLEEPING" : "START";
        }
    }

    /** {@code while True: item = yield from queue.get(); log; yield Delay(work); log; queue.taskDone()}. */
    private final class Worker extends Coroutine<Void> {
        private final JoinableQueue<String> queue;
        private final String name;
        private final Duration work;
        private String item;
        private boolean working;

        Worker(JoinableQueue<String> queue, String name, Duration work) {
            this.queue = queue;
            this.name = name;
            this.work = work;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (working) {
                log.add(name + " done " + item);
                queue.taskDone();
                working = false;
                item = null;
                return yieldFrom(queue.get());
            }
            if (item == null && sent == null) {
                return yieldFrom(queue.get()); // the first resumption
            }
            item = (String) sent;
            log.add(name + " took " + item);
            working = true;
            return sleep(work);
        }

        @Override
        public String state() {
            return working ? "WORKING" : "GETTING";
        }
    }
}
