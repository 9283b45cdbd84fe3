package paradigms.generators.coroutine;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack of coroutines an exception passed through, innermost first — the part of the
 * stack that an event loop rips away, put back.
 *
 * <p>Why it is needed: when a coroutine fails, the Java stack holds only the loop, the task
 * and that one coroutine's {@code resume}; the coroutines that delegated to it are not on
 * the stack — they are objects waiting on the task's own stack of coroutines. So each
 * coroutine the exception leaves writes itself (name and state) into the exception, here:
 * one suppressed {@code CoroutineTraceback} that grows as the exception travels outward.
 * A printed stack trace then ends with
 * <pre>
 * Suppressed: paradigms.generators.coroutine.CoroutineTraceback: through coroutines, innermost first:
 *     read body at RECEIVING
 *     fetch /data/1 at RECEIVING
 *     download 12 URLs at GATHERING
 * </pre>
 * (An exception created with suppression disabled cannot carry it; none of the JDK's
 * I/O exceptions are like that. One exception thrown into several coroutines — a failed
 * future awaited by two tasks — collects the frames of both, in the order it passed them.)
 */
public final class CoroutineTraceback extends RuntimeException {

    private final List<String> frames = new ArrayList<>(); // loop thread only, like the coroutines

    private CoroutineTraceback() {
        super(null, null, false, false); // no stack trace of its own: its frames are the coroutines
    }

    /** Notes that {@code error} is leaving {@code coroutine}. */
    static void record(Throwable error, Coroutine<?> coroutine) {
        CoroutineTraceback traceback = find(error);
        if (traceback == null) {
            traceback = new CoroutineTraceback();
            error.addSuppressed(traceback);
        }
        traceback.frames.add(coroutine.toString());
    }

    /** The coroutines {@code error} passed through, innermost first ("name at STATE"); empty if none. */
    public static List<String> of(Throwable error) {
        CoroutineTraceback traceback = find(error);
        return traceback == null ? List.of() : List.copyOf(traceback.frames);
    }

    private static CoroutineTraceback find(Throwable error) {
        for (Throwable suppressed : error.getSuppressed()) {
            if (suppressed instanceof CoroutineTraceback traceback) {
                return traceback;
            }
        }
        return null;
    }

    @Override
    public String getMessage() {
        return "through coroutines, innermost first:" + System.lineSeparator() + "\t" + String.join(System.lineSeparator() + "\t", frames);
    }
}
