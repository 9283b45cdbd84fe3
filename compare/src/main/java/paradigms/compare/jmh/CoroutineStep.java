package paradigms.compare.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import paradigms.generators.coroutine.Await;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Step;

import java.util.concurrent.TimeUnit;

/**
 * One step of the generators chapter's hand-written coroutines: {@code send} resumes a state
 * machine that counts and yields at once, saying it waits for nothing ({@code Await.Pass}). What
 * is left is what every step pays: the coroutine's phase checks, the call into its
 * {@code resume}, and the step it hands back — no event loop, no {@code Task} around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CoroutineStep {

    private static final Step<Long> PASS = new Step.Yield<>(new Await.Pass());

    /** Never finishes: each resumption adds one and yields again. */
    private static final class Counting extends Coroutine<Long> {
        private long steps;

        @Override
        protected Step<Long> resume(Object sent) {
            steps++;
            return PASS;
        }

        @Override
        public String state() {
            return steps + " steps";
        }
    }

    private final Counting coroutine = new Counting();

    @Benchmark
    public Step<Long> send() throws Exception {
        return coroutine.send(null);
    }
}
