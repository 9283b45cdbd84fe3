package paradigms.generators.coroutine;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.contract.TestTimeouts;
import paradigms.generators.coroutine.TestCoroutines.Awaiting;
import paradigms.generators.coroutine.TestCoroutines.Sleeper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler's ready list and waiting list, printed at every tick: which task runs next,
 * and what each of the others waits for.
 */
@Timeout(TestTimeouts.CONTRACT_SECONDS)
class SchedulerDumpTest {

    /** {@code yield Pass(); signal.complete("go")}: a task that sets a future on its second turn. */
    static final class Signaller extends Coroutine<Void> {
        private final Future<String> signal;
        private boolean passed;

        Signaller(Future<String> signal) {
            this.signal = signal;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (!passed) {
                passed = true;
                return pass();
            }
            signal.complete("go");
            return returning(null);
        }

        @Override
        public String state() {
            return passed ? "PASSED" : "START";
        }

        @Override
        public String name() {
            return "signaller";
        }
    }

    @Test
    void theReadyAndWaitingListsArePrintedTickByTick() {
        List<String> dumps = new ArrayList<>();
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop);
            scheduler.watchTicks(dumps::add);
            Future<String> signal = scheduler.newFuture("the signal");
            List<Coroutine<?>> three = List.of(
                    new Sleeper("sleeper", Duration.ofMillis(200), new ArrayList<>()),
                    new Awaiting<>("waiter", signal),
                    new Signaller(signal));
            scheduler.run(new Gather<>(scheduler, "three", three));
        }
        String n = System.lineSeparator();
        assertEquals(List.of(
                "tick 1: 1 ready, 0 waiting" + n
                        + "  ready    #1 gather three at START",
                "tick 2: 3 ready, 1 waiting" + n
                        + "  ready    #2 sleeper at START" + n
                        + "  ready    #3 waiter at START" + n
                        + "  ready    #4 signaller at START" + n
                        + "  waiting  #1 gather three at JOINING (0 of 3 done) <- result of its 3 tasks",
                "tick 3: 1 ready, 3 waiting" + n
                        + "  ready    #4 signaller at PASSED" + n
                        + "  waiting  #1 gather three at JOINING (0 of 3 done) <- result of its 3 tasks" + n
                        + "  waiting  #2 sleeper at SLEEPING <- delay 200 ms" + n
                        + "  waiting  #3 waiter at WAITING <- result of the signal",
                "tick 4: 1 ready, 2 waiting" + n
                        + "  ready    #3 waiter at WAITING" + n
                        + "  waiting  #1 gather three at JOINING (1 of 3 done) <- result of its 3 tasks" + n
                        + "  waiting  #2 sleeper at SLEEPING <- delay 200 ms",
                "tick 5: 1 ready, 1 waiting" + n
                        + "  ready    #2 sleeper at SLEEPING" + n
                        + "  waiting  #1 gather three at JOINING (2 of 3 done) <- result of its 3 tasks"),
                dumps.subList(0, 5));
        assertTrue(dumps.getLast().startsWith("tick " + dumps.size() + ": 1 ready, 0 waiting"), dumps.getLast());
        assertTrue(dumps.getLast().contains("ready    #1 gather three at JOINING (3 of 3 done)"), dumps.getLast());
    }
}
