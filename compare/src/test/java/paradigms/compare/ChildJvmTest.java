package paradigms.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the parent cuts a paradigm's cases into child JVMs. */
@Timeout(10)
class ChildJvmTest {

    private static final Repeats ONCE = new Repeats(0, 1, Duration.ZERO, Duration.ofSeconds(10));

    private static List<List<String>> ids(List<List<Workload>> batches) {
        return batches.stream().map(batch -> batch.stream().map(Workload::id).toList()).toList();
    }

    @Test
    void aCaseThatWantsAJvmOfItsOwnGetsOneAndTheOthersShareTheirsInOrder() {
        Workload counter = new CounterWorkload(2, 2, ONCE);
        Workload squares = new SquaresWorkload(ONCE);
        Workload waiters = new WaitersWorkload(10, Duration.ofMillis(1), ONCE);
        assertEquals(List.of(List.of("counter", "squares"), List.of("waiters")),
                ids(ChildJvm.batches(List.of(counter, squares, waiters))));
        assertEquals(List.of(List.of("counter"), List.of("waiters"), List.of("squares")),
                ids(ChildJvm.batches(List.of(counter, waiters, squares))));
        assertEquals(List.of(List.of("waiters")), ids(ChildJvm.batches(List.of(waiters))));
    }
}
