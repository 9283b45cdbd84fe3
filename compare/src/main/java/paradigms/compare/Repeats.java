package paradigms.compare;

import java.time.Duration;

/**
 * How often one case runs in one paradigm's JVM.
 *
 * <p>First {@code warmups} runs that are not measured (the JIT compiles the hot code, the
 * HTTP client loads its classes, connection pools fill). Then measured runs: at least one,
 * at most {@code repeats}, and no new one once the measured runs together took longer than
 * {@code budget} — so that the slow sequential baseline does not eat the time the quick mode
 * promises, while the fast paradigms get all their repeats.
 *
 * @param runTimeout how long one run may take before the parent gives up on the child JVM
 */
record Repeats(int warmups, int repeats, Duration budget, Duration runTimeout) {

    Repeats {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("need warmups >= 0 and repeats >= 1, was " + warmups + " and " + repeats);
        }
    }

    /** Whether another measured run starts, after {@code done} runs that took {@code spent}. */
    boolean another(int done, Duration spent) {
        return done == 0 || (done < repeats && spent.compareTo(budget) < 0);
    }

    /** The most runs this can make, warm-ups included (for the progress bar). */
    int mostRuns() {
        return warmups + repeats;
    }
}
