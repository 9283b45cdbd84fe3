package paradigms.common.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.trace.Trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code counter} exercise's contract: many tasks doing read–suspend–write on one shared
 * counter, and not one update lost. (Where updates DO get lost is each chapter's lesson test.)
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
public interface CounterContract extends ParadigmContract {

    @Test
    default void theTotalIsExactWithManyTasks() throws Exception {
        var request = new CounterRequest(50, 100);
        CounterResult result = paradigm().counter().count(request, Trace.off());
        assertEquals(5_000, result.expected());
        assertEquals(5_000, result.total(), "updates lost: " + result.lostUpdates());
    }

    @Test
    default void theTotalIsExactWithOneTask() throws Exception {
        CounterResult result = paradigm().counter().count(new CounterRequest(1, 7), Trace.off());
        assertEquals(7, result.total());
    }
}
