package paradigms.common.resume;

import java.time.Duration;

/**
 * CPU-bound work of a given length: a loop that computes until the time is up, never yielding,
 * never blocking. To a scheduler it looks like any long computation — which is the point: what
 * happens to the tasks beside it is the lesson.
 */
public final class Compute {

    private static volatile long sink; // keeps the loop's result alive, so the JIT cannot drop the loop

    private Compute() {
    }

    /** Computes on the calling thread for {@code time} of wall-clock time. */
    public static void forAbout(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        long x = 1;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 1_000; i++) { // a little arithmetic between clock reads
                x = x * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            }
        }
        sink = x;
    }
}
