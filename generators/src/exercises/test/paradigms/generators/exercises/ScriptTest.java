package paradigms.generators.exercises;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.VirtualClock;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.Await;
import paradigms.generators.coroutine.Future;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of exercise {@code script} (generators/README.md, Exercises for you, 2):
 * {@link Script} runs one stage per resumption — driven by a task on the loop, and by hand with
 * {@code send}/{@code throwIn} — names its state, lets exceptions through, and refuses a
 * script that yields after its last stage.
 */
@Tag("exercise")
@Tag("script")
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class ScriptTest {

    @Test
    void aTaskRunsOneStagePerResumptionSendingEachWhatItsYieldEvaluatedTo() {
        var clock = new VirtualClock();
        List<String> log = new ArrayList<>();
        try (var loop = new EventLoop(clock)) {
            var scheduler = new Scheduler(loop);
            Future<String> answer = scheduler.newFuture("answer");
            loop.callLater(Duration.ofMillis(15), () -> answer.complete("x"));
            List<Script.Stage<String>> stages = List.of(
                    sent -> {
                        log.add("1: " + sent);
                        return new Step.Yield<>(new Await.Delay(Duration.ofMillis(10)));
                    },
                    sent -> {
                        log.add("2: " + sent + " at " + Duration.ofNanos(clock.nanoTime()).toMillis() + " ms");
                        return new Step.Yield<>(new Await.Result(answer));
                    },
                    sent -> {
                        log.add("3: " + sent);
                        return new Step.Return<>("got " + sent);
                    });

            String result = scheduler.run(Script.of("fetch", stages));

            assertEquals("got x", result);
            assertEquals(List.of("1: null", "2: null at 10 ms", "3: x"), log);
            assertEquals(Duration.ofMillis(15).toNanos(), clock.nanoTime());
        }
    }

    @Test
    void itsStateNamesTheStageTheNextResumptionRunsAndItsNameIsTheGivenOne() throws Exception {
        Script<String> script = Script.of("three stages", List.of(
                sent -> new Step.Yield<>(new Await.Pass()),
                sent -> new Step.Yield<>(new Await.Pass()),
                sent -> new Step.Return<>("done")));
        assertEquals("three stages", script.name());
        assertEquals("stage 1 of 3", script.state());
        assertInstanceOf(Step.Yield.class, script.send(null));
        assertEquals("stage 2 of 3", script.state());
        assertInstanceOf(Step.Yield.class, script.send("a"));
        assertEquals("stage 3 of 3", script.state());
        assertEquals(new Step.Return<>("done"), script.send("b"));
        assertEquals("finished", script.state());
        assertTrue(script.isFinished());
    }

    @Test
    void anExceptionThrownInAtAYieldComesOutAsItIsAndEndsTheScript() throws Exception {
        List<String> ran = new ArrayList<>();
        Script<String> script = Script.of("no try", List.of(
                sent -> new Step.Yield<>(new Await.Pass()),
                sent -> {
                    ran.add("stage 2");
                    return new Step.Return<>("unreachable");
                }));
        script.send(null);
        var broken = new IOException("the socket broke while the script waited");

        var thrown = assertThrows(IOException.class, () -> script.throwIn(broken));

        assertSame(broken, thrown);
        assertEquals(List.of(), ran, "no stage runs for a thrown-in exception: a script has no try");
        assertEquals("finished", script.state());
        assertTrue(script.isFinished());
    }

    @Test
    void anExceptionThrownByAStageComesOutAsItIsAndEndsTheScript() throws Exception {
        var boom = new IllegalStateException("stage 2 broke");
        Script<String> script = Script.of("breaks", List.of(
                sent -> new Step.Yield<>(new Await.Pass()),
                sent -> {
                    throw boom;
                }));
        script.send(null);

        assertSame(boom, assertThrows(IllegalStateException.class, () -> script.send(null)));
        assertEquals("finished", script.state());
    }

    @Test
    void aLastStageThatYieldsIsFoundAtTheNextResumptionNamingTheScript() throws Exception {
        Script<String> script = Script.of("forgets to return", List.of(sent -> new Step.Yield<>(new Await.Pass())));
        script.send(null);

        var thrown = assertThrows(IllegalStateException.class, () -> script.send(null));

        assertTrue(thrown.getMessage().contains("forgets to return"), thrown.getMessage());
        assertTrue(script.isFinished());
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        List<Script.Stage<String>> one = List.of(sent -> new Step.Return<>("ok"));
        Script.of("valid", one); // a valid call is accepted
        assertNames("name", assertThrows(IllegalArgumentException.class, () -> Script.of(null, one)));
        assertNames("name", assertThrows(IllegalArgumentException.class, () -> Script.of("  ", one)));
        assertNames("stages", assertThrows(NullPointerException.class, () -> Script.<String>of("s", null)));
        assertNames("stages", assertThrows(IllegalArgumentException.class, () -> Script.<String>of("s", List.of())));
        assertNames("stages", assertThrows(NullPointerException.class, () -> Script.of("s", Arrays.asList(one.getFirst(), null))));
    }

    private static void assertNames(String field, Exception thrown) {
        assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(field),
                "the message should name \"" + field + "\": " + thrown.getMessage());
    }
}
