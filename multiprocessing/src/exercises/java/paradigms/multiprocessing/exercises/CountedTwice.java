package paradigms.multiprocessing.exercises;

import paradigms.common.exercises.NotDoneYet;
import paradigms.multiprocessing.pool.WorkerMain;

/**
 * Exercise {@code counted-twice} (multiprocessing/README.md, "Exercises for you", 3): show the
 * pool's retry counting twice. {@link #run} starts a pool of one worker of this class's
 * {@link #main} and submits one job of kind {@value #KIND}: the worker asks the parent which
 * attempt this is ({@code call attempt}, numbered by the job's {@code sent()} hook), then calls
 * {@code increment} M times — and on attempt 1 halts its JVM ({@code Runtime.halt(9)}) just
 * before increment number ⌊M/2⌋ + 1. The parent counts every {@code increment} it answers.
 */
public final class CountedTwice {

    /** The task kind on the wire. */
    public static final String KIND = "count-then-die";

    private static final String WHERE = " — see multiprocessing/README.md, Exercises for you, 3";

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
        throw new NotDoneYet("exercise counted-twice is not done yet: implement CountedTwice.run — a pool of one "
                + "CountedTwice.main worker, one job that numbers its attempts in sent() and counts increments" + WHERE);
    }

    /** The workers' main: serves {@value #KIND} until the pool closes its stdin. */
    public static void main(String[] args) {
        WorkerMain.exit(WorkerMain.serve((kind, arguments, resources) -> {
            throw new NotDoneYet("exercise counted-twice is not done yet: make CountedTwice.main's handler ask for "
                    + "the attempt, increment M times, and die halfway on attempt 1" + WHERE);
        }));
    }
}
