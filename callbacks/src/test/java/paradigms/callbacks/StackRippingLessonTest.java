package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson: where an exception thrown three callbacks deep ends up, and what its stack trace
 * no longer says.
 *
 * <p>"Stack ripping": in straight-line code, the stack of a failing call shows who called it,
 * and who called that. A callback is called by the loop — so its stack trace starts at
 * {@code EventLoop.run}, and the code that <em>scheduled</em> it, the only code that knows
 * why it was scheduled, has long returned. Nor can that code catch the exception: it is no
 * longer on the stack. It surfaces in the loop's error handler, which knows nothing about it.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS) // the project's one timeout constant: a hang fails, never blocks the build
class StackRippingLessonTest {

    private final List<String> contexts = new ArrayList<>();
    private final List<Throwable> reported = new ArrayList<>();

    /** Step 1: starts the work, and would like to handle its failure (but cannot, see below). */
    private void startOrder(EventLoop loop) {
        try {
            loop.callSoon(() -> fetchPrice(loop));
        } catch (IllegalArgumentException e) {
            contexts.add("startOrder caught it"); // never happens: the failure comes later, elsewhere
        }
    }

    /** Step 2: a callback that schedules step 3 on a timer. */
    private void fetchPrice(EventLoop loop) {
        loop.callLater(Duration.ofMillis(1), () -> parsePrice("twelve"));
    }

    /** Step 3: fails. */
    private static void parsePrice(String text) {
        Integer.parseInt(text);
    }

    @Test
    void anExceptionInANestedCallbackSurfacesInTheErrorHandlerAndItsTraceLacksTheFramesThatScheduledIt() {
        try (var loop = new EventLoop(new VirtualClock())) {
            loop.setErrorHandler((context, error) -> {
                contexts.add(context);
                reported.add(error);
            });
            startOrder(loop);
            loop.run(); // returns normally: the exception did not come back to the code that started the work
        }
        assertEquals(1, reported.size(), "the error handler got it");
        assertEquals(List.of("exception in a callback on the event loop"), contexts, "and nobody else did");
        Throwable error = reported.getFirst();
        assertTrue(error instanceof NumberFormatException, error.toString());

        List<String> methods = methods(error);
        assertTrue(methods.contains("parsePrice"), "the failing frame is there: " + methods);
        assertTrue(methods.contains("run"), "called by the loop: " + methods);
        assertFalse(methods.contains("fetchPrice"), "who scheduled parsePrice is gone: " + methods);
        assertFalse(methods.contains("startOrder"), "and so is who started the whole thing: " + methods);
    }

    /** The same three steps as plain calls: every frame is there, and step 1 could catch it. Shows the check above can fail. */
    @Test
    void theSameStepsAsPlainCallsKeepEveryFrame() {
        NumberFormatException error = assertThrows(NumberFormatException.class, this::startOrderDirectly);
        List<String> methods = methods(error);
        assertTrue(methods.containsAll(List.of("parsePrice", "fetchPriceDirectly", "startOrderDirectly")), methods.toString());
    }

    private void startOrderDirectly() {
        fetchPriceDirectly();
    }

    private void fetchPriceDirectly() {
        parsePrice("twelve");
    }

    /** The method names on the stack, without the synthetic {@code lambda$…} frames. */
    private static List<String> methods(Throwable error) {
        return Arrays.stream(error.getStackTrace())
                .map(StackTraceElement::getMethodName)
                .filter(name -> !name.startsWith("lambda$"))
                .toList();
    }
}
