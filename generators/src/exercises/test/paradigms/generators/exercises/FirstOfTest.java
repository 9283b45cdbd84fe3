package paradigms.generators.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Task;
import paradigms.generators.exercises.Scenes.Catching;
import paradigms.generators.exercises.Scenes.Outcome;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code first-of}, part 1 (generators/README.md, Exercises for
 * you, 1): {@link FirstOf} returns the first future to end — even a failed one, without
 * throwing — cancels nothing, and leaves no done-callback behind, whether it returned or was
 * cancelled. On a {@link VirtualClock}: no test waits for real time.
 */
@Tag("exercise")
@Tag("first-of")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FirstOfTest {

    private final VirtualClock clock = new VirtualClock();
    private final EventLoop loop = new EventLoop(clock);
    private final Scheduler scheduler = new Scheduler(loop);
    private final List<Throwable> reported = new ArrayList<>();

    {
        loop.setErrorHandler((context, error) -> reported.add(error));
    }

    @AfterEach
    void closeTheLoop() {
        loop.close();
    }

    @Test
    void theFirstFutureToEndIsReturnedEvenAFailedOneAndTheOthersAreNeitherCancelledNorWatched() throws Exception {
        Future<String> slow = scheduler.newFuture("slow");
        Future<String> failing = scheduler.newFuture("failing");
        Future<String> never = scheduler.newFuture("never");
        loop.callLater(Duration.ofMillis(10), () -> failing.fail(new IllegalStateException("b failed")));
        loop.callLater(Duration.ofMillis(20), () -> slow.complete("a"));

        Outcome outcome = scheduler.run(new Catching(new FirstOf(scheduler, List.of(slow, failing, never))));

        assertNull(outcome.thrown(), "a failed future is returned, not thrown: " + outcome.thrown());
        assertSame(failing, outcome.value(), "the first to end, at 10 ms");
        assertEquals("a", slow.result(), "the slower one went on and completed: nothing was cancelled");
        assertFalse(never.isDone(), "the one that never ends was not cancelled");
        assertEquals(0, Scenes.doneCallbacksOn(never), "no done-callback left on a future that is still pending");
        assertEquals(List.of(), reported);
    }

    @Test
    void ifSomeAreAlreadyDoneTheFirstOfThemInListOrderIsReturnedWithoutWaiting() throws Exception {
        Future<String> pending = scheduler.newFuture("pending");
        Future<String> done = scheduler.newFuture("done");
        Future<String> alsoDone = scheduler.newFuture("also done");
        alsoDone.complete("c");
        done.cancel();
        loop.callLater(Duration.ofHours(1), () -> pending.complete("late")); // waiting for it would move the clock

        Outcome outcome = scheduler.run(new Catching(new FirstOf(scheduler, List.of(pending, done, alsoDone))));

        assertSame(done, outcome.value(), "the first done one in list order — a cancelled one counts as done");
        assertEquals(0, Scenes.doneCallbacksOn(pending));
    }

    @Test
    void cancelledWhileWaitingItLeavesNoCallbackAndCancelsNothing() throws Exception {
        Future<String> a = scheduler.newFuture("a");
        Future<String> b = scheduler.newFuture("b");
        List<Task<?>> racer = new ArrayList<>();
        var firstOf = new FirstOf(scheduler, List.of(a, b));
        loop.callSoon(() -> racer.add(scheduler.spawn(firstOf)));
        loop.callLater(Duration.ofMillis(5), () -> racer.getFirst().cancel());

        scheduler.run(new Scenes.Sleeper("main", Duration.ofMillis(10), new ArrayList<>()));

        assertTrue(racer.getFirst().isCancelled(), "the racing task ended cancelled");
        assertFalse(a.isDone() || b.isDone(), "cancelling the race cancels none of the futures");
        assertEquals(0, Scenes.doneCallbacksOn(a) + Scenes.doneCallbacksOn(b),
                "cleanUp() must take the done-callbacks off when the race is cancelled");
    }

    @Test
    void aLongLivedFutureRacedAThousandTimesCollectsNoCallbacks() throws Exception {
        Future<String> shutdown = scheduler.newFuture("shutdown");
        int[] wins = {0};
        var races = new paradigms.generators.coroutine.Coroutine<Void>() {
            private int race;
            private Future<Void> tick;

            @Override
            protected paradigms.generators.coroutine.Step<Void> resume(Object sent) {
                if (sent == tick && tick != null) {
                    wins[0]++;
                }
                if (race++ == 1_000) {
                    return returning(null);
                }
                Future<Void> next = scheduler.newFuture("tick " + race);
                tick = next;
                loop.callLater(Duration.ofMillis(1), () -> next.complete(null));
                return yieldFrom(new FirstOf(scheduler, List.of(shutdown, next)));
            }

            @Override
            public String state() {
                return "RACE " + race;
            }
        };

        scheduler.run(races);

        assertEquals(1_000, wins[0], "every race was won by its tick");
        assertEquals(0, Scenes.doneCallbacksOn(shutdown), "one callback per race would be left on the long-lived future");
    }

    @Test
    void noFuturesOrANullOneIsRefusedNamingTheArgument() {
        Future<String> a = scheduler.newFuture("a");
        new FirstOf(scheduler, List.of(a)); // a valid call is accepted
        var empty = assertThrows(IllegalArgumentException.class, () -> new FirstOf(scheduler, List.of()));
        assertTrue(empty.getMessage().contains("futures"), empty.getMessage());
        var withNull = assertThrows(NullPointerException.class, () -> new FirstOf(scheduler, Arrays.asList(a, null)));
        assertTrue(withNull.getMessage() != null && withNull.getMessage().contains("futures"), withNull.getMessage());
    }
}
