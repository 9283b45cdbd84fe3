package paradigms.callbacks.exercises;

import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code timing-wheel} (callbacks/README.md, Exercises for you, 4):
 * {@link TimingWheel} runs each timer once, never early, at the first advance that reaches it,
 * in deadline order — across rounds of the wheel, across jumps of many turns, with timers
 * scheduled from callbacks and callbacks that throw. Times are plain numbers: nothing waits.
 */
@Tag("exercise")
@Tag("timing-wheel")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class TimingWheelTest {

    private static final long MS = 1_000_000;
    private static final long START = 7_000 * MS; // not 0: the wheel must count from its start

    private record Fired(long deadline, long sequence, long advancedTo) {
    }

    @Test
    void everyTimerRunsOnceNeverEarlyAtTheFirstAdvanceThatReachesItInDeadlineOrder() {
        var random = new Random(20_260_101); // a fixed seed: a failure can be replayed
        var wheel = new TimingWheel(Duration.ofMillis(1), 64, START);
        List<Fired> fired = new ArrayList<>();
        long[] now = {START};
        int timers = 20_000;
        long[] deadlines = new long[timers];
        for (int i = 0; i < timers; i++) {
            // Up to five turns ahead, some in the past, many sharing a deadline.
            long deadline = START + (random.nextInt(330) - 10) * MS + (random.nextBoolean() ? 0 : random.nextInt((int) MS));
            deadlines[i] = deadline;
            long sequence = i;
            wheel.schedule(deadline, () -> fired.add(new Fired(deadline, sequence, now[0])));
        }
        assertEquals(timers, wheel.size());

        List<Long> advances = new ArrayList<>();
        while (wheel.size() > 0) {
            now[0] += random.nextInt((int) (3 * MS)); // steps shorter and longer than a tick, some zero
            advances.add(now[0]);
            int before = fired.size();
            int ran = wheel.advanceTo(now[0]);
            assertEquals(fired.size() - before, ran, "advanceTo returns how many ran");
            assertTrue(advances.size() < 1_000_000, "the wheel never empties");
        }

        assertEquals(timers, fired.size(), "each timer ran exactly once");
        assertEquals(timers, fired.stream().map(Fired::sequence).distinct().count(), "no timer ran twice");
        for (Fired f : fired) {
            assertTrue(f.advancedTo() - f.deadline() >= 0, () -> "ran early: " + f);
            int at = advances.indexOf(f.advancedTo());
            long previous = at == 0 ? START : advances.get(at - 1);
            assertTrue(f.deadline() - previous > 0 || at == 0 && f.deadline() - START <= 0,
                    () -> "ran late: it was already due at the advance before, to " + previous + ": " + f);
        }
        List<Fired> inOrder = new ArrayList<>(fired);
        inOrder.sort(Comparator.comparingLong(Fired::deadline).thenComparingLong(Fired::sequence));
        assertEquals(inOrder, fired, "deadline order, equal deadlines in the order they were scheduled");
        long[] sortedDeadlines = deadlines.clone();
        Arrays.sort(sortedDeadlines);
        assertArrayEquals(sortedDeadlines, fired.stream().mapToLong(Fired::deadline).toArray());
    }

    @Test
    void aTimerMoreThanOneTurnAheadWaitsItsRoundInsteadOfFiringWithItsSlot() {
        var wheel = new TimingWheel(Duration.ofMillis(1), 8, START);
        List<String> fired = new ArrayList<>();
        wheel.schedule(START + 100 * MS, () -> fired.add("far"));   // tick 100: the same slot as tick 4
        wheel.schedule(START + 4 * MS, () -> fired.add("near"));

        assertEquals(1, wheel.advanceTo(START + 4 * MS));
        assertEquals(List.of("near"), fired);
        assertEquals(0, wheel.advanceTo(START + 99 * MS + MS - 1), "one nanosecond early is early");
        assertEquals(1, wheel.advanceTo(START + 100 * MS));
        assertEquals(List.of("near", "far"), fired);
        assertEquals(0, wheel.size());
    }

    @Test
    void aJumpOfManyTurnsRunsEverythingDueAndNothingElse() {
        var wheel = new TimingWheel(Duration.ofMillis(1), 16, START);
        List<Long> fired = new ArrayList<>();
        for (long ms : new long[] {5, 17, 33, 1_000, 3_599_999, 3_600_001}) {
            wheel.schedule(START + ms * MS, () -> fired.add(ms));
        }
        assertEquals(5, wheel.advanceTo(START + 3_600_000 * MS), "an hour later, 5 of the 6 are due");
        assertEquals(List.of(5L, 17L, 33L, 1_000L, 3_599_999L), fired);
        assertEquals(1, wheel.size());
        assertEquals(1, wheel.advanceTo(START + 3_600_001 * MS));
    }

    @Test
    void aTimerScheduledByACallbackRunsAtTheNextAdvanceAtTheEarliestEvenIfAlreadyDue() {
        var wheel = new TimingWheel(Duration.ofMillis(1), 8, START);
        List<String> fired = new ArrayList<>();
        wheel.schedule(START + 2 * MS, () -> {
            fired.add("first");
            wheel.schedule(START, () -> fired.add("scheduled from a callback, already due"));
        });
        assertEquals(1, wheel.advanceTo(START + 5 * MS));
        assertEquals(List.of("first"), fired, "not inside the advance that is running");
        assertEquals(1, wheel.advanceTo(START + 5 * MS), "the next advance, even to the same now, runs it");
        assertEquals(List.of("first", "scheduled from a callback, already due"), fired);
    }

    @Test
    void aCallbackThatThrowsDoesNotStopTheOthersAndTheAdvanceThrowsTheFirstFailure() {
        var wheel = new TimingWheel(Duration.ofMillis(1), 8, START);
        List<Integer> fired = new ArrayList<>();
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second");
        wheel.schedule(START + MS, () -> fired.add(1));
        wheel.schedule(START + 2 * MS, () -> {
            throw first;
        });
        wheel.schedule(START + 3 * MS, () -> fired.add(3));
        wheel.schedule(START + 4 * MS, () -> {
            throw second;
        });
        wheel.schedule(START + 5 * MS, () -> fired.add(5));

        var thrown = assertThrows(IllegalStateException.class, () -> wheel.advanceTo(START + 10 * MS));

        assertSame(first, thrown, "the first failure, as it was thrown");
        assertEquals(List.of(second), List.of(thrown.getSuppressed()), "the later one kept inside it");
        assertEquals(List.of(1, 3, 5), fired, "the others of the batch ran");
        assertEquals(0, wheel.size(), "nothing runs twice: the batch is over");
        assertEquals(0, wheel.advanceTo(START + 20 * MS));
    }

    @Test
    void badInputIsRefusedWithAMessageThatNamesIt() {
        var wheel = new TimingWheel(Duration.ofMillis(1), 8, START);
        wheel.advanceTo(START + 10 * MS);
        assertNames("tick", assertThrows(IllegalArgumentException.class, () -> new TimingWheel(Duration.ZERO, 8, START)));
        assertNames("tick", assertThrows(IllegalArgumentException.class, () -> new TimingWheel(Duration.ofMillis(-1), 8, START)));
        assertNames("slots", assertThrows(IllegalArgumentException.class, () -> new TimingWheel(Duration.ofMillis(1), 0, START)));
        assertNames("callback", assertThrows(NullPointerException.class, () -> wheel.schedule(START, null)));
        assertNames("now", assertThrows(IllegalArgumentException.class, () -> wheel.advanceTo(START + 9 * MS)));
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
