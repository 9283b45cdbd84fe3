package paradigms.greenlets.continuation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercise {@code generator}: a generator on the continuation hands out its values in order and
 * lazily, may emit from any depth of nested calls, ends cleanly, passes its body's exception to the
 * caller, and refuses an emit from outside its body.
 */
@Tag("exercise")
@Tag("generator")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class GeneratorAcceptanceTest {

    @Test
    void handsOutTheValuesInOrderThenEnds() {
        var numbers = new Generator<Integer>(out -> {
            for (int i = 1; i <= 3; i++) {
                out.emit(i);
            }
        });
        assertTrue(numbers.hasNext());
        assertTrue(numbers.hasNext(), "hasNext twice does not skip a value");
        assertEquals(1, numbers.next());
        assertEquals(2, numbers.next());
        assertEquals(3, numbers.next());
        assertFalse(numbers.hasNext());
        assertThrows(NoSuchElementException.class, numbers::next);
    }

    @Test
    void runsItsBodyOnlyAsFarAsTheValuesAskedFor() {
        List<String> happened = new ArrayList<>();
        var lazy = new Generator<String>(out -> {
            happened.add("started");
            out.emit("a");
            happened.add("after a");
            out.emit("b");
            happened.add("after b");
        });
        assertEquals(List.of(), happened, "the body ran before anything was asked for");
        assertEquals("a", lazy.next());
        assertEquals(List.of("started"), happened);
        assertEquals("b", lazy.next());
        assertEquals(List.of("started", "after a"), happened);
        assertFalse(lazy.hasNext());
        assertEquals(List.of("started", "after a", "after b"), happened);
    }

    @Test
    void emitsFromNestedCallsAndRunsForeverIfAskedTo() {
        var inOrder = new Generator<Integer>(out -> walk(new int[] {4, 2, 6, 1, 3, 5, 7}, 0, out));
        List<Integer> walked = new ArrayList<>();
        inOrder.forEachRemaining(walked::add);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), walked, "an in-order walk of a heap-shaped tree, emitted from the recursion");

        var fibonacci = new Generator<Long>(out -> {
            long a = 0;
            long b = 1;
            while (true) {
                out.emit(a);
                long next = a + b;
                a = b;
                b = next;
            }
        });
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(fibonacci.next());
        }
        assertEquals(List.of(0L, 1L, 1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L), first);
    }

    @Test
    void throwsWhatTheBodyThrewAndThenIsOver() {
        var broken = new IllegalStateException("the body broke");
        var failing = new Generator<Integer>(out -> {
            out.emit(1);
            throw broken;
        });
        assertEquals(1, failing.next());
        assertSame(broken, assertThrows(IllegalStateException.class, failing::next));
        assertFalse(failing.hasNext(), "a body that threw is over");
    }

    @Test
    void refusesAnEmitFromOutsideItsBody() {
        List<Generator.Emitter<String>> leaked = new ArrayList<>();
        var generator = new Generator<String>(out -> {
            leaked.add(out);
            out.emit("inside");
        });
        assertEquals("inside", generator.next());
        assertThrows(IllegalStateException.class, () -> leaked.getFirst().emit("outside"));
    }

    /** In-order walk of a binary tree stored as a heap: children of i at 2i+1 and 2i+2. */
    private static void walk(int[] tree, int at, Generator.Emitter<Integer> out) {
        if (at >= tree.length) {
            return;
        }
        walk(tree, 2 * at + 1, out);
        out.emit(tree[at]);
        walk(tree, 2 * at + 2, out);
    }
}
