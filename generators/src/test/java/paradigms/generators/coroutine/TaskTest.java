package paradigms.generators.coroutine;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.TestCoroutines.Awaiting;
import paradigms.generators.coroutine.TestCoroutines.Doing;
import paradigms.generators.coroutine.TestCoroutines.Passer;
import paradigms.generators.coroutine.TestCoroutines.Sleeper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Task's state machine: waiting, waking, cancelling, finishing — and what the scheduler does around it. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class TaskTest {

    /**
     * Spawns the coroutines and lets them start ({@code yield Pass()}), runs {@code act} on
     * their tasks, then — if {@code join} — waits until each has ended; returns the tasks.
     */
    static final class Spawning extends Coroutine<List<Task<?>>> {
        private enum State { START, STARTED, JOINING }

        private final Scheduler scheduler;
        private final List<Coroutine<?>> coroutines;
        private final Consumer<List<Task<?>>> act;
        private final boolean join;
        private final List<Task<?>> tasks = new ArrayList<>();
        private State state = State.START;

        Spawning(Scheduler scheduler, List<Coroutine<?>> coroutines, Consumer<List<Task<?>>> act, boolean join) {
            this.scheduler = scheduler;
            this.coroutines = coroutines;
            this.act = act;
            this.join = join;
        }

        @Override
        protected Step<List<Task<?>>> resume(Object sent) {
            switch (state) {
                case START -> {
                    coroutines.forEach(c -> tasks.add(scheduler.spawn(c)));
                    state = State.STARTED;
                    return pass();
                }
                case STARTED -> {
                    act.accept(tasks);
                    state = State.JOINING;
                }
                default -> { }
            }
            for (Task<?> task : tasks) {
                if (join && !task.isDone()) {
                    return completionOf(task);
                }
            }
            return returning(tasks);
        }

        @Override
        public String state() {
            return state.name();
        }
    }

    @Test
    void cancellingAWaitingTaskThrowsIntoItsCoroutineRunsItsFinallyAndUndoesTheWait() {
        List<String> log = new ArrayList<>();
        long started = System.nanoTime();
        List<Task<?>> tasks = OnNewLoop.run(s -> new Spawning(s, List.of(new Sleeper("sleeper", Duration.ofSeconds(20), log)),
                spawned -> assertTrue(spawned.getFirst().cancel(), "a waiting task can be cancelled"), true));
        assertEquals(List.of("sleeper cleaned up"), log, "the finally ran; the sleeper never woke");
        assertTrue(tasks.getFirst().isCancelled());
        assertTrue(System.nanoTime() - started < TestTimeouts.scaled(Duration.ofSeconds(15)).toNanos(),
                "run() returned without waiting for the cancelled 20 s timer: the wait was undone");
    }

    @Test
    void aCoroutineThatCatchesTheCancellationGoesOnAndItsTaskCompletes() {
        final class Stubborn extends Coroutine<String> {
            private String state = "START";

            @Override
            protected Step<String> resume(Object sent) {
                if (state.equals("START")) {
                    state = "SLEEPING";
                    return sleep(Duration.ofSeconds(20));
                }
                return returning(state);
            }

            @Override
            protected Step<String> resumeThrowing(Exception thrown) throws Exception {
                if (thrown instanceof CancellationException && state.equals("SLEEPING")) {
                    state = "IGNORED THE CANCEL";
                    return sleep(Duration.ofMillis(1));
                }
                throw thrown;
            }

            @Override
            public String state() {
                return state;
            }
        }
        List<Task<?>> tasks = OnNewLoop.run(s -> new Spawning(s, List.of(new Stubborn()), spawned -> spawned.getFirst().cancel(), true));
        assertEquals("IGNORED THE CANCEL", tasks.getFirst().result(), "a cancel is a request, not a kill");
    }

    @Test
    void aTaskCancelledBeforeItRanNeverRuns() {
        List<String> log = new ArrayList<>();
        List<Task<?>> tasks = new ArrayList<>();
        OnNewLoop.run(s -> new Doing("main", name -> {
            Task<String> never = s.spawn(new Sleeper("never", Duration.ofMillis(1), log));
            never.cancel();
            tasks.add(never);
        }));
        assertTrue(tasks.getFirst().isCancelled());
        assertEquals(List.of(), log, "not even its finally: it never started");
    }

    @Test
    void theExceptionOfAFailedFutureIsThrownIntoTheCoroutineAwaitingIt() {
        var failure = new IOException("no answer");
        var thrown = assertThrows(CompletionException.class, () -> OnNewLoop.run(s -> {
            Future<String> answer = s.newFuture("answer");
            s.spawn(new Doing("failer", name -> answer.fail(failure)));
            return new Awaiting<>("awaiter", answer);
        }));
        assertSame(failure, thrown.getCause());
        assertEquals(List.of("awaiter at WAITING"), CoroutineTraceback.of(failure));
    }

    @Test
    void tasksThatPassTakeTurnsInTheOrderTheyBecameReady() {
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> new Gather<>(s, "two", List.of(new Passer("a", 3, log), new Passer("b", 3, log))));
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), log);
    }

    @Test
    void whenMainReturnsTheTasksItLeftBehindAreCancelledAndCleanedUpBeforeRunReturns() {
        List<String> log = new ArrayList<>();
        OnNewLoop.run(s -> new Spawning(s, List.of(new Sleeper("orphan", Duration.ofSeconds(20), log)), tasks -> { }, false));
        assertEquals(List.of("orphan cleaned up"), log, "nothing outlives run()");
    }

    @Test
    void aDeadlockIsReportedWithWhatEachTaskWaitsFor() {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            Future<String> never = scheduler.newFuture("a future nobody completes");
            var deadlock = assertThrows(IllegalStateException.class, () -> scheduler.run(new Awaiting<>("main", never)));
            assertTrue(deadlock.getMessage().startsWith("deadlock"), deadlock.getMessage());
            assertTrue(deadlock.getMessage().contains("waiting  #1 main at WAITING <- result of a future nobody completes"),
                    deadlock.getMessage());
        }
    }

    @Test
    void aTaskCannotBeCompletedFromOutside() {
        OnNewLoop.run(s -> new Doing("main", name -> {
            Task<String> task = s.spawn(new Sleeper("t", Duration.ofMillis(1), new ArrayList<>()));
            assertThrows(UnsupportedOperationException.class, () -> task.complete("forged"));
        }));
    }

    /** Spawned, failed, forgotten: asyncio logs "Task exception was never retrieved"; here the loop's error handler hears it. */
    @Test
    void aTaskFailureNobodyAskedForIsReportedToTheLoopsErrorHandlerWhenRunEnds() {
        List<String> reported = new ArrayList<>();
        var failure = new IllegalStateException("nobody waits for me");
        try (var loop = new EventLoop()) {
            java.util.function.BiConsumer<String, Throwable> handler = (context, error) -> reported.add(context + ": " + error.getMessage());
            loop.setErrorHandler(handler);
            var scheduler = new Scheduler(loop);
            scheduler.run(new Spawning(scheduler, List.of(new Doing("forgotten", name -> {
                throw failure;
            })), tasks -> { }, false));
            assertSame(handler, loop.errorHandler(), "run() put the caller's error handler back");
        }
        assertEquals(List.of("task exception was never retrieved: task #2 forgotten: nobody waits for me"), reported);
    }

    @Test
    void aTaskFailureSomeoneAskedForAndACancellationAreNotReported() {
        List<Throwable> reported = new ArrayList<>();
        var failure = new IllegalStateException("seen by the gather");
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> reported.add(error));
            var scheduler = new Scheduler(loop);
            var thrown = assertThrows(IllegalStateException.class, () -> scheduler.run(new Gather<>(scheduler, "two", List.<Coroutine<?>>of(
                    new Doing("failing", name -> {
                        throw failure;
                    }),
                    new Sleeper("cancelled", Duration.ofSeconds(20), new ArrayList<>())))));
            assertSame(failure, thrown);
        }
        assertEquals(List.of(), reported, "the gather took the failure; the other task was cancelled");
    }

    @Test
    void aSecondFailureInAGatherIsAddedToTheFirstAsSuppressedNotLost() {
        List<Throwable> reported = new ArrayList<>();
        var first = new IllegalStateException("first");
        var second = new IllegalStateException("second");
        try (var loop = new EventLoop()) {
            loop.setErrorHandler((context, error) -> reported.add(error));
            var scheduler = new Scheduler(loop);
            var thrown = assertThrows(IllegalStateException.class, () -> scheduler.run(new Gather<>(scheduler, "two", List.of(
                    new Doing("a", name -> {
                        throw first;
                    }),
                    new Doing("b", name -> {
                        throw second;
                    })))));
            assertSame(first, thrown);
            assertTrue(Arrays.asList(thrown.getSuppressed()).contains(second), Arrays.toString(thrown.getSuppressed()));
        }
        assertEquals(List.of(), reported);
    }
}
