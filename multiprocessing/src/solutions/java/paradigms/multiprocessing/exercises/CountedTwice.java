package paradigms.multiprocessing.exercises;

import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.TaskHandler;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerCommand;
import paradigms.multiprocessing.pool.WorkerMain;
import paradigms.multiprocessing.pool.WorkerResources;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise {@code counted-twice}, solved — a TEACHING DEMO of at-least-once: one task counts M
 * increments in the parent; its worker dies halfway the first time; the pool, as documented,
 * runs the job once more on a replacement, which counts all M again. The parent ends with
 * M + ⌊M/2⌋, and nobody was told anything went wrong: the job's future completed normally.
 *
 * <pre>
 *   worker (attempt 1)                       parent
 *   call ID attempt            ──────▶       answer 1   (the job's sent() hook counted it)
 *   call ID increment  ×⌊M/2⌋  ──────▶       counted += 1 each
 *   halt(9)                                   the pool sees the death, starts a replacement
 *   worker (attempt 2)
 *   call ID attempt            ──────▶       answer 2
 *   call ID increment  ×M      ──────▶       counted += 1 each
 *   done ID                                   the job's future completes normally
 * </pre>
 *
 * <p><b>Threads:</b> the caller blocks in {@code map}; the job's hooks ({@code sent},
 * {@code answer}) run on the pool's thread for the worker, the replacement's included, so
 * the counts are atomics rather than rely on which thread that is.
 */
public final class CountedTwice {

    /** The task kind on the wire. */
    public static final String KIND = "count-then-die";

    /** What the parent counted, and how many worker deaths the pool saw meanwhile. */
    public record Outcome(long counted, int crashes) {
    }

    private CountedTwice() {
    }

    /**
     * Runs one task of {@code increments} increments on a pool of one worker, whose first
     * attempt dies after ⌊increments/2⌋ of them.
     *
     * @throws IllegalArgumentException if {@code increments} is not positive
     */
    public static Outcome run(int increments) throws InterruptedException {
        if (increments < 1) {
            throw new IllegalArgumentException("increments must be at least 1, was " + increments);
        }
        var job = new CountingJob(increments);
        try (var pool = ProcessPool.builder().size(1).command(WorkerCommand.of(CountedTwice.class.getName())).forWaiting().start()) {
            pool.map(List.of(job), Trace.off());
            return new Outcome(job.counted.get(), pool.crashes());
        }
    }

    /** The parent's half: numbers the attempts, counts the increments — the counter, in the parent. */
    static final class CountingJob implements Job<Void> {
        private final int increments;
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicLong counted = new AtomicLong();

        CountingJob(int increments) {
            this.increments = increments;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(increments));
        }

        /** Runs again on the replacement when the job is retried: that is how an attempt is numbered. */
        @Override
        public void sent() {
            attempts.incrementAndGet();
        }

        @Override
        public List<String> answer(List<String> question) throws Wire.BadFrameException {
            String what = Values.of(question).expectSize(1, "a count-then-die call").text(0, "what");
            return switch (what) {
                case "attempt" -> List.of(String.valueOf(attempts.get()));
                case "increment" -> List.of(String.valueOf(counted.incrementAndGet()));
                default -> throw new Wire.BadFrameException("unknown call \"" + Wire.excerpt(what) + "\"");
            };
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            Values.of(values).expectSize(0, "a count-then-die reply");
            return null;
        }

        @Override
        public String label() {
            return KIND + " " + increments;
        }
    }

    /** The worker's half: ask which attempt this is, count, and on the first attempt die halfway. */
    static final TaskHandler WORK = new Work();

    /**
     * A class, not a lambda: a worker is a fresh JVM, where the first lambdas are spun at run time
     * on the way to "ready" (the chapter's {@code Workers} measured it).
     */
    private static final class Work implements TaskHandler {
        @Override
        public List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception {
            if (!kind.equals(KIND)) {
                throw new IllegalArgumentException("this worker has no task kind \"" + kind + "\"");
            }
            long increments = Values.of(arguments).expectSize(1, "a count-then-die task").number(0, "increments");
            WorkerResources.Parent parent = resources.parent();
            long attempt = Values.of(parent.call("attempt")).expectSize(1, "an attempt answer").number(0, "attempt");
            for (long i = 0; i < increments; i++) {
                if (attempt == 1 && i == increments / 2) {
                    Runtime.getRuntime().halt(9); // dies between two increments, as a killed worker would
                }
                parent.call("increment");
            }
            return List.of();
        }
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve(WORK));
    }
}
