package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two verbs of the toolbox that no exercise here needs, and their traps:
 * {@code anyOf} — asyncio's {@code wait(…, return_when=FIRST_COMPLETED)} — and
 * {@code completeOnTimeout} — {@code wait_for} with a default value instead of an error.
 * Both <em>complete a future</em>; neither stops any work. The futures are completed by hand,
 * so every order is chosen, not hoped for; only the two timeouts wait, 50 ms each.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class FirstOfAndFallbackTest {

    @Test
    void anyOfCompletesWithTheFirstValueAndLeavesTheOthersRunning() {
        var slow = new CompletableFuture<String>();
        var fast = new CompletableFuture<String>();
        CompletableFuture<Object> first = CompletableFuture.anyOf(slow, fast); // Object: it cannot know a common type

        assertFalse(first.isDone(), "nothing has finished yet");
        fast.complete("fast");
        assertEquals("fast", first.join());
        assertFalse(slow.isDone(), "the loser is not cancelled: still pending, its work still running");

        slow.complete("slow");
        assertEquals("fast", first.join(), "a later value changes nothing");
    }

    /** The trap: "first" means first to finish, failures included — unlike asyncio's wait, which returns both sets. */
    @Test
    void anyOfFailsWhenTheFirstToFinishFailedThoughAnotherWouldSucceed() {
        var failing = new CompletableFuture<String>();
        var succeeding = new CompletableFuture<String>();
        CompletableFuture<Object> first = CompletableFuture.anyOf(failing, succeeding);

        failing.completeExceptionally(new IllegalStateException("connection reset"));
        succeeding.complete("the answer");

        CompletionException thrown = assertThrows(CompletionException.class, first::join);
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
    }

    @Test
    void anyOfOfNothingNeverCompletes() {
        // Documented, and a hang waiting to happen: an empty list of candidates has no first.
        assertFalse(CompletableFuture.anyOf().isDone());
        assertTrue(CompletableFuture.allOf().isDone(), "while allOf of nothing is done at once");
    }

    @Test
    void completeOnTimeoutGivesAFallbackValueAndTheLateAnswerIsRefused() {
        var answer = new CompletableFuture<String>();
        CompletableFuture<String> bounded = answer.completeOnTimeout("fallback", 50, TimeUnit.MILLISECONDS);

        assertSame(answer, bounded, "it completes this future itself, not a copy");
        assertEquals("fallback", bounded.join());
        assertFalse(answer.complete("late"), "the real answer comes too late: complete() says no");
        assertEquals("fallback", answer.join());
    }

    @Test
    void orTimeoutFailsWithATimeoutExceptionWhereCompleteOnTimeoutGaveAValue() {
        var answer = new CompletableFuture<String>();
        CompletionException thrown = assertThrows(CompletionException.class,
                () -> answer.orTimeout(50, TimeUnit.MILLISECONDS).join());
        assertInstanceOf(TimeoutException.class, thrown.getCause());
    }

    /** How {@code AsyncHttp} bounds an exchange: the timeout goes on a copy, so the original stays the work's to finish. */
    @Test
    void onACopyTheFallbackLeavesTheOriginalFreeToFinish() {
        var answer = new CompletableFuture<String>();
        CompletableFuture<String> bounded = answer.copy().completeOnTimeout("fallback", 50, TimeUnit.MILLISECONDS);

        assertEquals("fallback", bounded.join());
        assertFalse(answer.isDone(), "the original is untouched by its copy's timeout");
        assertTrue(answer.complete("late"));
        assertEquals("late", answer.join());
    }

    /** A cancel does not travel back up to the sources (as in {@code CancelDoesNotInterruptTest}): anyOf is no exception. */
    @Test
    void cancellingWhatAnyOfReturnedCancelsNoneOfItsSources() {
        var one = new CompletableFuture<String>();
        var two = new CompletableFuture<String>();
        CompletableFuture<Object> first = CompletableFuture.anyOf(one, two);

        assertTrue(first.cancel(true));
        assertFalse(one.isDone() || two.isDone(), "both sources still pending: stopping them is the caller's job");
    }
}
