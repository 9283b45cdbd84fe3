package paradigms.generators.coroutine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.TestCoroutines.Sleeper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The primitives, each itself a coroutine: sleep, gather, semaphore, lock, queue, timeout, offload.
 * (The lock's lesson — a lost update without it — is the counter exercise's: {@code LostUpdateTest}.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class PrimitivesTest {

    /** {@code yield from permits.acquire(); log in; yield Delay(hold); log out; permits.release()} — release in the finally. */
    static final class Holder extends Coroutine<Void> {
        private enum State { START, ACQUIRING, HOLDING }

        private final String name;
        private final Semaphore permits;
        private final Duration hold;
        private final int[] holders; // [now, most]
        private final List<String> log;
        private State state = State.START;

        Holder(String name, Semaphore permits, Duration hold, int[] holders, List<String> log) {
            this.name = name;
            this.permits = permits;
            this.hold = hold;
            this.holders = holders;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    state = State.ACQUIRING;
                    return yieldFrom(permits.acquire());
                }
                case ACQUIRING -> {
                    state = State.HOLDING;
                    log.add(name + " in");
                    holders[1] = Math.max(holders[1], ++holders[0]);
                    return sleep(hold);
                }
                default -> {
                    return returning(null);
                }
            }
        }

        @Override
        protected void cleanUp() {
            if (state == State.HOLDING) {
                holders[0]--;
                permits.release();
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void aSemaphoreLetsNoMoreHoldersThanPermitsAndServesWaitersFirstComeFirstServed() {
        int[] holders = new int[2];
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> {
            var permits = new Semaphore(s, "two permits", 2);
            List<Holder> six = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                six.add(new Holder("h" + i, permits, Duration.ofMillis(5), holders, log));
            }
            return new Gather<>(s, "six holders", six);
        });
        assertEquals(2, holders[1], "the most holders at once");
        assertEquals(List.of("h0 in", "h1 in", "h2 in", "h3 in", "h4 in", "h5 in"), log);
    }

    @Test
    void aPermitHandedToAWaiterCancelledBeforeItRanPassesToTheNextOne() {
        int[] holders = new int[2];
        List<String> log = new ArrayList<>();
        Semaphore[] permits = new Semaphore[1];
        List<Task<?>> tasks = OnNewLoop.run(s -> {
            permits[0] = new Semaphore(s, "one permit", 0); // nobody has it: the first release hands it over
            return new TaskTest.Spawning(s, List.of(
                    new Holder("b", permits[0], Duration.ofMillis(1), holders, log),
                    new Holder("c", permits[0], Duration.ofMillis(1), holders, log)),
                    spawned -> {
                        permits[0].release();      // to b, the oldest waiter...
                        spawned.getFirst().cancel(); // ...who is cancelled before it could run
                    }, true);
        });
        assertTrue(tasks.getFirst().isCancelled());
        assertEquals(List.of("c in"), log, "c got the permit b never used");
        assertEquals(1, permits[0].available(), "and gave it back: no permit lost, none made up");
    }

    /** {@code for i in range(n): yield from queue.put(i); log("put i")}. */
    static final class Producer extends Coroutine<Void> {
        private final Queue<Integer> queue;
        private final int n;
        private final List<String> log;
        private int next;
        private boolean putting;

        Producer(Queue<Integer> queue, int n, List<String> log) {
            this.queue = queue;
            this.n = n;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (putting) {
                log.add("put " + next++);
            }
            if (next == n) {
                return returning(null);
            }
            putting = true;
            return yieldFrom(queue.put(next));
        }

        @Override
        public String state() {
            return "PUTTING " + next;
        }
    }

    /** {@code yield Delay(d); for _ in range(n): log("got", yield from queue.get())}. */
    static final class Consumer extends Coroutine<Void> {
        private final Queue<Integer> queue;
        private final int n;
        private final List<String> log;
        private int got = -1; // -1: still sleeping

        Consumer(Queue<Integer> queue, int n, List<String> log) {
            this.queue = queue;
            this.n = n;
            this.log = log;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (got == -1) {
                got = 0;
                return sleep(Duration.ofMillis(20)); // so that the producer fills the queue first
            }
            if (sent != null) {
                log.add("got " + sent);
                got++;
            }
            return got == n ? returning(null) : yieldFrom(queue.get());
        }

        @Override
        public String state() {
            return "GOT " + got;
        }
    }

    @Test
    void aQueueHandsItemsOverInOrderAndAFullQueueMakesTheProducerWait() {
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> {
            var queue = new Queue<Integer>(s, "two places", 2);
            return new Gather<>(s, "pipeline", List.of(new Producer(queue, 6, log), new Consumer(queue, 6, log)));
        });
        assertEquals(List.of("put 0", "put 1", "got 0", "got 1", "put 2", "put 3", "got 2", "got 3", "put 4", "put 5", "got 4", "got 5"),
                log, "the producer waits while two items are queued; the consumer, while none is");
    }

    @Test
    void gatherReturnsResultsInTheOrderGivenAndSleepsEndInTheOrderOfTheirDeadlines() {
        List<String> log = new ArrayList<>();
        long started = System.nanoTime();
        List<String> results = OnNewLoop.run(s -> new Gather<>(s, "three", List.of(
                new Sleeper("a", Duration.ofMillis(60), log),
                new Sleeper("b", Duration.ofMillis(20), log),
                new Sleeper("c", Duration.ofMillis(40), log))));
        assertEquals(List.of("a", "b", "c"), results);
        assertEquals(List.of("b woke", "b cleaned up", "c woke", "c cleaned up", "a woke", "a cleaned up"), log);
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(60).toNanos(), "a timer never fires early");
    }

    /** {@code try: return yield from sub except Exception as e: return (e, log as it is now)}. */
    static final class Catching<T> extends Coroutine<Object> {
        private final Coroutine<T> sub;
        private final List<String> log;
        private boolean started;

        Catching(Coroutine<T> sub, List<String> log) {
            this.sub = sub;
            this.log = log;
        }

        @Override
        protected Step<Object> resume(Object sent) {
            if (!started) {
                started = true;
                return yieldFrom(sub);
            }
            return returning(sent);
        }

        @Override
        protected Step<Object> resumeThrowing(Exception thrown) {
            return returning(List.of(thrown, List.copyOf(log)));
        }

        @Override
        public String state() {
            return started ? "TRYING" : "START";
        }
    }

    @Test
    void whenOneGatheredCoroutineFailsTheOthersAreCancelledAndCleanedUpBeforeTheFailureComesOut() {
        List<String> log = new ArrayList<>();
        var boom = new IOException("boom");
        List<?> caught = (List<?>) OnNewLoop.run(s -> new Catching<>(new Gather<>(s, "two", List.of(
                new Sleeper("slow", Duration.ofSeconds(20), log),
                new DelegationTest.Inner(1, boom, log))), log));
        assertEquals(boom, caught.get(0));
        assertEquals(List.of("inner", "slow cleaned up"), caught.get(1), "the slow one was cancelled and cleaned up first");
    }

    @Test
    void aCoroutineOverItsTimeLimitIsCancelledCleansUpAndThenTheTimeoutComesOut() {
        List<String> log = new ArrayList<>();
        List<?> caught = (List<?>) OnNewLoop.run(s ->
                new Catching<>(new TimeLimit<>(s, Duration.ofMillis(50), new Sleeper("sleeper", Duration.ofSeconds(20), log)), log));
        var timeout = assertInstanceOf(TimeoutException.class, caught.get(0));
        assertTrue(timeout.getMessage().contains("sleeper: no result within 50 ms"), timeout.getMessage());
        assertEquals(List.of("sleeper cleaned up"), caught.get(1));
    }

    @Test
    void aCoroutineWithinItsTimeLimitReturnsItsResultAndLeavesNoTimerBehind() {
        long started = System.nanoTime();
        String result = OnNewLoop.run(s -> new TimeLimit<>(s, Duration.ofSeconds(20), new Sleeper("quick", Duration.ofMillis(1), new ArrayList<>())));
        assertEquals("quick", result);
        assertTrue(System.nanoTime() - started < TestTimeouts.scaled(Duration.ofSeconds(10)).toNanos(), "run() did not wait for the 20 s timer");
    }

    /** {@code return (worker thread, (yield from offload(work)), loop thread)}. */
    static final class Offloading extends Coroutine<List<String>> {
        private final Scheduler scheduler;
        private final ExecutorService workers;
        private boolean waiting;

        Offloading(Scheduler scheduler, ExecutorService workers) {
            this.scheduler = scheduler;
            this.workers = workers;
        }

        @Override
        protected Step<List<String>> resume(Object sent) {
            if (!waiting) {
                waiting = true;
                return resultOf(Offload.call(scheduler, workers, "blocking work", () -> {
                    Thread.sleep(100); // stands for a blocking library call: the lesson is where it runs
                    return Thread.currentThread().getName();
                }));
            }
            return returning(List.of((String) sent, Thread.currentThread().getName()));
        }

        @Override
        public String state() {
            return waiting ? "WAITING_FOR_WORKER" : "START";
        }
    }

    @Test
    void offloadedWorkRunsOnAWorkerAndItsResultIsHandedBackToTheLoopThread() {
        try (ExecutorService workers = Executors.newFixedThreadPool(1, Thread.ofPlatform().name("worker-", 0).factory())) {
            // Nothing else is on the loop meanwhile: run() must still wait for the worker's answer.
            List<String> threads = OnNewLoop.run(s -> new Offloading(s, workers));
            assertEquals("worker-0", threads.get(0), "the blocking call ran on the worker");
            assertEquals(Thread.currentThread().getName(), threads.get(1), "the coroutine resumed on the loop thread (this one)");
            assertNotEquals(threads.get(0), threads.get(1));
        }
    }

    @Test
    void aFailedOffloadThrowsItsExceptionIntoTheWaitingCoroutine() {
        try (ExecutorService workers = Executors.newSingleThreadExecutor()) {
            var failure = assertThrows(CompletionException.class, () -> OnNewLoop.run(s -> new TestCoroutines.Awaiting<>("awaiter",
                    Offload.call(s, workers, "failing work", () -> {
                        throw new java.sql.SQLException("no database");
                    }))));
            assertInstanceOf(java.sql.SQLException.class, failure.getCause());
        }
    }

    /** The loop counts an offloaded call as pending work until its answer lands, even when nobody wants the answer any more. */
    @Test
    void aCancelledOffloadIsStillWaitedForSoNoWorkerOutlivesRun() {
        var landedBeforeRunReturned = new java.util.concurrent.atomic.AtomicBoolean();
        List<Future<String>> offloads = new ArrayList<>();
        try (ExecutorService workers = Executors.newSingleThreadExecutor()) {
            OnNewLoop.run(s -> new TestCoroutines.Doing("main", name -> {
                Future<String> answer = Offload.call(s, workers, "slow work", () -> {
                    Thread.sleep(100); // stands for a blocking call that takes a while: the lesson is that run() waits for it
                    landedBeforeRunReturned.set(true);
                    return "too late";
                });
                answer.cancel(); // main gives up on it and returns at once
                offloads.add(answer);
            }));
            assertTrue(landedBeforeRunReturned.get(), "run() returned only after the worker had handed its answer back");
            assertTrue(offloads.getFirst().isCancelled(), "the late answer was dropped");
        }
    }
}
