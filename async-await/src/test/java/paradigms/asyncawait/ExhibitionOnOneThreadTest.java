package paradigms.asyncawait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exhibition runs on a scheduler of its own: every move — the master's and every
 * opponent's, on every board — is recorded by the one {@code exhibition-loop} thread that fired
 * its timer. No lock guards the master: one thread, one move at a time.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ExhibitionOnOneThreadTest {

    @Test
    void everyMoveOfEveryBoardRunsOnTheExhibitionLoop() throws Exception {
        var request = new ExhibitionRequest(6, 5, 55, 4, Duration.ofNanos(100_000));
        Trace trace = Trace.recording();

        new AsyncAwaitParadigm().exhibition().play(request, trace);

        assertEquals(6 * 4 * 2, trace.spans().size(), "a span per move: boards × pairs × (master, opponent)");
        Set<String> threads = trace.spans().stream().map(Span::thread).collect(Collectors.toSet());
        assertEquals(Set.of("exhibition-loop"), threads);
    }
}
