package paradigms.generators.coroutine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import paradigms.common.contract.TestTimeouts;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code yield from}: a coroutine delegates to another, in the same task, and gets its
 * result — or its exception, which passes through every coroutine on the way out and
 * carries their names: the stack of coroutines is whole again, where callbacks rip it apart.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class DelegationTest {

    /** {@code sleep 1 ms; if failure: raise failure; return value}. */
    static final class Inner extends Coroutine<Integer> {
        private final int value;
        private final Exception failure;
        private final List<String> cleanUps;
        private String state = "START";

        Inner(int value, Exception failure, List<String> cleanUps) {
            this.value = value;
            this.failure = failure;
            this.cleanUps = cleanUps;
        }

        @Override
        protected Step<Integer> resume(Object sent) throws Exception {
            if (state.equals("START")) {
                state = "SLEEPING";
                return sleep(Duration.ofMillis(1));
            }
            state = "AWAKE";
            if (failure != null) {
                throw failure;
            }
            return returning(value);
        }

        @Override
        protected void cleanUp() {
            cleanUps.add(name());
        }

        @Override
        public String state() {
            return state;
        }

        @Override
        public String name() {
            return "inner";
        }
    }

    /** {@code try: return 2 * (yield from sub) except IOException: if catching: return -1 else raise}. */
    static final class Doubling extends Coroutine<Integer> {
        private final String name;
        private final Coroutine<Integer> sub;
        private final boolean catching;
        private final List<String> cleanUps;
        private String state = "START";

        Doubling(String name, Coroutine<Integer> sub, boolean catching, List<String> cleanUps) {
            this.name = name;
            this.sub = sub;
            this.catching = catching;
            this.cleanUps = cleanUps;
        }

        @Override
        protected Step<Integer> resume(Object sent) {
            if (state.equals("START")) {
                state = "DELEGATING";
                return yieldFrom(sub);
            }
            state = "DONE";
            return returning(2 * (Integer) sent);
        }

        @Override
        protected Step<Integer> resumeThrowing(Exception thrown) throws Exception {
            if (catching && thrown instanceof IOException) {
                state = "CAUGHT";
                return returning(-1);
            }
            throw thrown;
        }

        @Override
        protected void cleanUp() {
            cleanUps.add(name);
        }

        @Override
        public String state() {
            return state;
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void yieldFromSendsTheSubCoroutinesResultToTheOneThatDelegated() {
        List<String> cleanUps = new ArrayList<>();
        int result = OnNewLoop.run(s -> new Doubling("outer", new Doubling("middle", new Inner(5, null, cleanUps), false, cleanUps),
                false, cleanUps));
        assertEquals(20, result, "inner 5, doubled by middle, doubled by outer");
        assertEquals(List.of("inner", "middle", "outer"), cleanUps, "each finally ran once, innermost first");
    }

    @Test
    void anExceptionPassesThroughEveryCoroutineAndCarriesTheirNamesInnermostFirst() {
        var boom = new IOException("boom");
        List<String> cleanUps = new ArrayList<>();
        var failure = assertThrows(CompletionException.class, () -> OnNewLoop.run(s ->
                new Doubling("outer", new Doubling("middle", new Inner(5, boom, cleanUps), false, cleanUps), false, cleanUps)));

        assertSame(boom, failure.getCause(), "the very exception the inner coroutine threw, not a wrapper of it");
        assertEquals(List.of("inner at AWAKE", "middle at DELEGATING", "outer at DELEGATING"), CoroutineTraceback.of(boom));
        assertEquals(List.of("inner", "middle", "outer"), cleanUps, "each finally ran as the exception passed");

        var printed = new StringWriter();
        boom.printStackTrace(new PrintWriter(printed));
        assertTrue(printed.toString().contains("through coroutines, innermost first:"), printed.toString());
        assertTrue(printed.toString().indexOf("inner at AWAKE") < printed.toString().indexOf("outer at DELEGATING"),
                "a printed stack trace lists the coroutines, innermost first:\n" + printed);
    }

    @Test
    void aCoroutineCanCatchWhatItsSubCoroutineThrewAndGoOn() {
        List<String> cleanUps = new ArrayList<>();
        int result = OnNewLoop.run(s -> new Doubling("outer", new Doubling("middle", new Inner(5, new IOException("boom"), cleanUps),
                true, cleanUps), false, cleanUps));
        assertEquals(-2, result, "middle caught the IOException and returned -1; outer doubled it");
    }

    /** {@code return sum(yield from gather)}. */
    static final class Summing extends Coroutine<Integer> {
        private final Gather<Integer> gather;
        private boolean delegated;

        Summing(Gather<Integer> gather) {
            this.gather = gather;
        }

        @Override
        protected Step<Integer> resume(Object sent) {
            if (!delegated) {
                delegated = true;
                return yieldFrom(gather);
            }
            return returning(((List<?>) sent).stream().mapToInt(Integer.class::cast).sum());
        }

        @Override
        public String state() {
            return delegated ? "GATHERING" : "START";
        }

        @Override
        public String name() {
            return "sum";
        }
    }

    @Test
    void theTracebackContinuesAcrossTasks() {
        // Gather runs each coroutine in a task of its own; the exception comes back through that task's future.
        var boom = new IOException("boom");
        var failure = assertThrows(CompletionException.class, () -> OnNewLoop.run(s ->
                new Summing(new Gather<>(s, "two", List.of(new Inner(1, null, new ArrayList<>()), new Inner(2, boom, new ArrayList<>()))))));
        assertSame(boom, failure.getCause());
        assertEquals(List.of("inner at AWAKE", "gather two at CANCELLING", "sum at GATHERING"), CoroutineTraceback.of(boom));
    }

    @Test
    void aCoroutineCannotBeResumedOnceFinishedNorDelegatedToTwice() throws Exception {
        var inner = new Inner(1, null, new ArrayList<>());
        inner.send(null);
        assertInstanceOf(Step.Return.class, inner.send(null));
        var resumedAgain = assertThrows(IllegalStateException.class, () -> inner.send(null));
        assertTrue(resumedAgain.getMessage().contains("has finished"), resumedAgain.getMessage());

        var failure = assertThrows(IllegalStateException.class, () -> OnNewLoop.run(s -> new Doubling("outer", inner, false, new ArrayList<>())));
        assertTrue(failure.getMessage().contains("cannot delegate to inner"), failure.getMessage());
    }
}
