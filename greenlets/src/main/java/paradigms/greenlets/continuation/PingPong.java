package paradigms.greenlets.continuation;

import java.util.ArrayList;
import java.util.List;

/**
 * Two greenlets that hand the thread to each other three times: the smallest program that
 * shows a switch. Each keeps its own loop counter across the switches — the counter lives in
 * a stack frame, and the frame survives on the heap while the other greenlet runs.
 */
public final class PingPong {

    private PingPong() {
    }

    /** Plays on the calling thread; returns the lines in the order they were said. */
    public static List<String> play() {
        List<String> said = new ArrayList<>();
        var board = new Switchboard();
        board.add("ping", () -> {
            for (int i = 1; i <= 3; i++) {
                said.add("ping " + i + " on " + Thread.currentThread().getName());
                board.switchTo("pong"); // ping stops here; the next line runs when pong switches back
            }
        });
        board.add("pong", () -> {
            for (int i = 1; i <= 3; i++) {
                said.add("  pong " + i + " on " + Thread.currentThread().getName());
                board.switchTo("ping");
            }
        });
        String ended = board.run("ping");
        said.add(ended + " returned; pong is " + (board.isDead("pong") ? "dead" : "still suspended in its third switch"));
        return said;
    }
}
