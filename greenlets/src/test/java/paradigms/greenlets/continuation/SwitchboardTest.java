package paradigms.greenlets.continuation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continuation underneath virtual threads, switched by hand on one thread. */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class SwitchboardTest {

    @Test
    void pingAndPongTakeTurnsOnTheCallingThreadEachKeepingItsOwnCounter() {
        String me = Thread.currentThread().getName();
        assertEquals(List.of(
                "ping 1 on " + me,
                "  pong 1 on " + me,
                "ping 2 on " + me,
                "  pong 2 on " + me,
                "ping 3 on " + me,
                "  pong 3 on " + me,
                "ping returned; pong is still suspended in its third switch"), PingPong.play());
    }

    /** Unlike a generator's yield, a switch suspends the whole call stack below the greenlet's function. */
    @Test
    void aGreenletSwitchesFromDeepInsideNestedCallsAndReturnsThroughThemLater() {
        List<String> said = new ArrayList<>();
        var board = new Switchboard();
        board.add("deep", () -> descend(board, 3, said));
        board.add("other", () -> said.add("other runs while deep is suspended at depth 0"));

        String ended = board.run("deep");

        // "other" returned first, so run() stopped there; "deep" is still suspended three calls down.
        assertEquals("other", ended);
        assertEquals(List.of("down 3", "down 2", "down 1", "other runs while deep is suspended at depth 0"), said);
        assertFalse(board.isDead("deep"));

        assertEquals("deep", board.run("deep"), "resumed, deep unwinds its three frames and returns");
        assertEquals(List.of("down 3", "down 2", "down 1", "other runs while deep is suspended at depth 0",
                "up 1", "up 2", "up 3"), said);
        assertTrue(board.isDead("deep"));
    }

    @Test
    void aDeadGreenletCannotBeSwitchedTo() {
        var board = new Switchboard();
        board.add("once", () -> { });
        board.run("once");
        assertThrows(IllegalStateException.class, () -> board.run("once"));
    }

    @Test
    void switchToIsOnlyForCodeInsideAGreenlet() {
        var board = new Switchboard();
        board.add("a", () -> { });
        assertThrows(IllegalStateException.class, () -> board.switchTo("a"));
    }

    private static void descend(Switchboard board, int depth, List<String> said) {
        if (depth == 0) {
            board.switchTo("other"); // three frames of descend() are suspended with this one
            return;
        }
        said.add("down " + depth);
        descend(board, depth - 1, said);
        said.add("up " + depth);
    }
}
