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

    /**
     * The usual repeats of a measured case in {@code mode}. Quick: up to 3 runs, none started
     * after 1 s of them (a run of a second or more is measured once). Full: up to 5, within 10 s.
     */
    static Repeats measured(Mode mode) {
        return switch (mode) {
            case QUICK, REFERENCE -> new Repeats(1, 3, Duration.ofSeconds(1), Duration.ofSeconds(60));
            case FULL -> new Repeats(1, 5, Duration.ofSeconds(10), Duration.ofSeconds(120));
        };
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
