package paradigms.greenlets.virtual;

import paradigms.greenlets.virtual.Tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Watching the machinery: which carrier (platform thread) runs a virtual thread before it
 * parks, and which one runs it after.
 *
 * <p>A virtual thread is a continuation plus a scheduler. When it blocks — here in
 * {@link Thread#sleep} — it <em>parks</em>: its stack frames are copied from the carrier's
 * stack to the heap (the continuation yields) and the carrier returns to its
 * {@link java.util.concurrent.ForkJoinPool} to run whatever virtual thread is ready next. When
 * the sleep is over, the thread is <em>unparked</em>: its continuation is submitted to the pool
 * again, and whichever carrier takes it copies the frames back and goes on from the line after
 * the sleep. So one carrier runs many virtual threads, and one virtual thread may run on
 * several carriers in its life.
 */
public final class Carriers {

    private Carriers() {
    }

    /**
     * What one virtual thread saw.
     *
     * @param thread the virtual thread's id
     * @param before the carrier it ran on before parking
     * @param after  the carrier it ran on after being unparked
     */
    public record Hop(long thread, String before, String after) {

        public boolean moved() {
            return !before.equals(after);
        }
    }

    /**
     * The carrier running the calling virtual thread.
     *
     * <p>Teaching shortcut: the carrier is deliberately not public API. A mounted virtual
     * thread's {@code toString()} reads {@code VirtualThread[#21]/runnable@ForkJoinPool-1-worker-1},
     * and the part after the {@code @} names its carrier. That format is unspecified and may
     * change between JDKs: good enough to look at, not something to build on.
     */
    static String current() {
        Thread me = Thread.currentThread();
        String described = me.toString();
        int at = described.lastIndexOf('@');
        if (!me.isVirtual() || at < 0) {
            throw new IllegalStateException("not a virtual thread on a carrier: " + described);
        }
        return described.substring(at + 1);
    }

    /**
     * Starts {@code threads} virtual threads that each note their carrier, sleep for
     * {@code park}, and note their carrier again. Returns what each saw.
     */
    public static List<Hop> watch(int threads, Duration park) throws InterruptedException {
        List<Future<Hop>> watched = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                watched.add(executor.submit(() -> {
                    String before = current();
                    Thread.sleep(park); // parks: the carrier is free to run other virtual threads meanwhile
                    return new Hop(Thread.currentThread().threadId(), before, current());
                }));
            }
            return Tasks.joinAll(executor, watched);
        }
    }

    /** How many of the watched virtual threads each carrier started, by carrier name. */
    public static Map<String, Long> startsPerCarrier(List<Hop> hops) {
        Map<String, Long> starts = new TreeMap<>();
        for (Hop hop : hops) {
            starts.merge(hop.before(), 1L, Long::sum);
        }
        return starts;
    }
}
