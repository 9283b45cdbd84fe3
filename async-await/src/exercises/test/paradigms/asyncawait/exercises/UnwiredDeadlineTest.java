package paradigms.asyncawait.exercises;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.asyncawait.AsyncAwaitParadigm;
import paradigms.common.contract.TestTimeouts;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code unwired-deadline}: without the wire from {@code stop} to the exchanges, the
 * result is still right but the call returns only when the slow answers are in — while the
 * chapter's wired {@code Deadline}, on the same input, returns before them. Only bounds that
 * cannot be flaky: an answer delayed by D cannot arrive before D.
 */
@Tag("exercise")
@Tag("unwired-deadline")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class UnwiredDeadlineTest {

    /** How long the server holds each answer: far beyond the deadline, and beyond what the wired call needs. */
    private static final Duration SLOW = TestTimeouts.scaled(Duration.ofSeconds(4));
    private static final Duration DEADLINE = Duration.ofMillis(300);

    @Test
    void withoutTheWireTheCallWaitsForTheSlowAnswersWhereTheWiredOneDoesNot() throws Exception {
        Duration unwired = timedRun(new UnwiredDeadline());
        assertTrue(unwired.compareTo(SLOW) >= 0, "returned after " + unwired.toMillis() + " ms: before the slow answers ("
                + SLOW.toMillis() + " ms) could have arrived, so something cancelled them — is the exchange still wired to stop?");

        Duration wired = timedRun(new AsyncAwaitParadigm().deadline());
        assertTrue(wired.compareTo(SLOW) < 0, "the chapter's wired Deadline returned after " + wired.toMillis() + " ms");
    }

    /** Three slow URLs, all out at once, a deadline long before their answers: the result must say so either way. */
    private static Duration timedRun(DeadlineExercise exercise) throws Exception {
        try (var server = LocalWebServer.start()) {
            List<URI> urls = List.of(
                    server.url("/data/1?delay=" + SLOW.toMillis()),
                    server.url("/data/2?delay=" + SLOW.toMillis()),
                    server.url("/data/3?delay=" + SLOW.toMillis()));
            // A request timeout far beyond SLOW, so that only `stop` could end an exchange early.
            var request = new DeadlineRequest(urls, 3, DEADLINE, SLOW.multipliedBy(4));
            long start = System.nanoTime();
            DeadlineResult result = exercise.download(request, Trace.off());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Ending.DEADLINE_PASSED, result.ending());
            assertEquals(urls.size(), result.count(ItemOutcome.Cancelled.class), "every slow URL counted as cancelled");
            return took;
        }
    }
}
